import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import { dashboard } from '@/db/queries/dashboard/cached';
import { insights } from '@/db/queries/insights/cached';
import { cachedByDataVersion, readDataVersion } from '@/db/queries/data-version';
import { previousPeriod } from '@/lib/metrics/period';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { describeEachDb } from './helpers/db';

const TODAY = '2026-11-28';
const period = { from: '2026-09-01', to: TODAY };
const filters: DashboardFilters = { period, previous: previousPeriod(period), today: TODAY };

/**
 * The dashboard remembers its figures per data version: every write to data it shows must move the
 * version (or the dashboard would show stale figures), and nothing else should.
 */
describeEachDb(
  'the data version and the dashboard cache',
  (ctx) => {
    const run = (text: string) => rawRows(ctx.db, sql.raw(text));
    const moves = async (text: string) => {
      const before = await readDataVersion(ctx.db);
      await run(text);
      return (await readDataVersion(ctx.db)) !== before;
    };

    it('moves with every statement that writes dashboard data, in any table it reads', async () => {
      expect(await moves(`insert into experiments (title, team_id, status, start_date) select 'Version probe', min(id), 'running', '2026-11-01' from teams`)).toBe(true);
      expect(await moves(`update experiments set status = 'completed', end_date = '2026-11-20' where title = 'Version probe'`)).toBe(true);
      expect(await moves(`insert into experiment_models (experiment_id, model_id) select max(e.id), min(m.id) from experiments e, ai_models m`)).toBe(true);
      expect(await moves(`insert into capability_outcomes (experiment_id, type, description, impact, recorded_on) select max(id), 'insight', 'Probe', 3, '2026-11-21' from experiments`)).toBe(true);
      expect(await moves(`insert into checkins (experiment_id, date, note) select max(id), '2026-11-22', 'Probe' from experiments`)).toBe(true);
      expect(await moves(`update model_prices set source = source where model_id = (select min(model_id) from model_prices)`)).toBe(true);
      expect(await moves(`update teams set name = name where id = (select min(id) from teams)`)).toBe(true);
      expect(await moves(`delete from experiments where title = 'Version probe'`)).toBe(true);
    });

    it('moves with every write to the catalog tables the radar, /models and /trends read', async () => {
      expect(await moves(`update benchmarks set description = description || ' ' where key = 'gpqa_diamond'`)).toBe(true);
      expect(await moves(`insert into benchmark_scores (model_id, benchmark, effort, score, source) select max(id), 'gpqa_diamond', 'probe', 1, 'test' from ai_models`)).toBe(true);
      expect(await moves(`update benchmark_scores set score = 2 where effort = 'probe'`)).toBe(true);
      expect(await moves(`delete from benchmark_scores where effort = 'probe'`)).toBe(true);
      expect(await moves(`insert into model_aliases (source, external_id, model_id, effort) select 'test', 'probe-id', min(id), '' from ai_models`)).toBe(true);
      expect(await moves(`delete from model_aliases where external_id = 'probe-id'`)).toBe(true);
      expect(await moves(`update model_price_tiers set source = source where id = (select min(id) from model_price_tiers)`)).toBe(true);
      expect(await moves(`delete from benchmark_scores where id = -1`)).toBe(false);
    });

    it('moves with every write to the usage tables the adoption telemetry reads', async () => {
      expect(await moves(`insert into usage_daily (day, source, vendor, external_team, requests) values ('2026-11-20', 'csv', 'OpenAI', 'probe', 5)`)).toBe(true);
      expect(await moves(`update usage_daily set requests = 6 where external_team = 'probe'`)).toBe(true);
      expect(await moves(`insert into usage_team_mappings (source, external_team, team_id) select 'csv', 'probe', min(id) from teams`)).toBe(true);
      expect(await moves(`insert into usage_fx_rates (month, currency, rate, set_by) values ('2026-11-01', 'EUR', 1.08, 'test')`)).toBe(true);
      expect(await moves(`delete from usage_fx_rates where currency = 'EUR'`)).toBe(true);
      expect(await moves(`delete from usage_team_mappings where external_team = 'probe'`)).toBe(true);
      expect(await moves(`delete from usage_daily where external_team = 'probe'`)).toBe(true);
      expect(await moves(`delete from usage_daily where id = -1`)).toBe(false);
    });

    it('does not move for the audit trail, a write that matched no row, nor a write that was rolled back', async () => {
      expect(await moves(`insert into audit_log (action, entity_type) values ('report.export', 'report')`)).toBe(false);
      expect(await moves(`delete from capability_outcomes where id = -1`)).toBe(false);
      expect(await moves(`update experiments set title = 'never' where id = -1`)).toBe(false);
      const before = await readDataVersion(ctx.db);
      await expect(
        ctx.db.transaction(async (tx) => {
          await tx.execute(sql`update teams set name = name`);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await readDataVersion(ctx.db)).toBe(before);
    });

    it('computes once while the data stays the same, and again after any write', async () => {
      let calls = 0;
      const counted = cachedByDataVersion(`probe-${ctx.kind}`, async (_db, n: number) => ({ n, call: ++calls }));
      expect(await counted(ctx.db, 1)).toEqual({ n: 1, call: 1 });
      expect(await counted(ctx.db, 1)).toEqual({ n: 1, call: 1 });
      expect(await counted(ctx.db, 2)).toEqual({ n: 2, call: 2 });
      await run(`update teams set name = name where id = (select min(id) from teams)`);
      expect(await counted(ctx.db, 1)).toEqual({ n: 1, call: 3 });
    });

    it('the dashboard shows a new experiment at once, and a caller cannot change what the next one sees', async () => {
      const first = await dashboard.kpis(ctx.db, filters);
      // Shared between requests, frozen: a change throws (ES modules are strict) rather than reach the next view.
      expect(() => {
        first.current.active = -1;
      }).toThrow(TypeError);
      const again = await dashboard.kpis(ctx.db, filters);
      expect(again).toBe(first);
      expect(again.current.active).toBeGreaterThan(0);
      await run(`insert into experiments (title, team_id, status, start_date) select 'Counted at once', min(id), 'running', '2026-11-02' from teams`);
      const after = await dashboard.kpis(ctx.db, filters);
      expect(after.current.active).toBe(again.current.active + 1);
    });

    it('/insights shows an archived flagged experiment gone at once, and a caller cannot change what the next one sees', async () => {
      const scope = { today: TODAY, timeZone: 'UTC', fyStart: 1 };
      const flags = await insights.privacyFlags(ctx.db, scope);
      expect(flags.length).toBeGreaterThan(0);
      const first = flags[0];
      expect(() => {
        flags.length = 0;
      }).toThrow(TypeError);
      expect((await insights.privacyFlags(ctx.db, scope))[0]).toEqual(first);
      await run(`update experiments set archived_at = now() where id = ${first.id}`);
      const after = await insights.privacyFlags(ctx.db, scope);
      expect(after.map((f) => f.id)).not.toContain(first.id);
      expect(after.length).toBe((await insights.privacyFlags(ctx.db, { ...scope, timeZone: 'Europe/Paris' })).length);
    });
  },
  { demo: true, today: TODAY },
);
