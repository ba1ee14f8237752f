import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { backupJson } from '@/db/backup/create';
import { restoreBackup } from '@/db/backup/restore';
import { validateBackup } from '@/db/backup/validate';
import { textSource } from '@/db/backup/read';
import { rawRows } from '@/db/sql';
import { listTeamModelUsage } from '@/db/queries/models/details';
import { listModels } from '@/db/queries/models/list';
import { describeEachDb, openTestDb } from './helpers/db';
import { RAW_MODEL_USAGE } from './helpers/summary-definitions';

type Row = { team_id: number; model_id: number; n: number };

/**
 * model_usage is kept by triggers (migration 0002). After every kind of write it must equal the
 * aggregation over the raw rows exactly — and so must the catalog and trends queries that read it.
 */
describeEachDb(
  'the model usage summary stays equal to the raw aggregation',
  (ctx) => {
    const q = <T>(text: string) => rawRows<T>(ctx.db, sql.raw(text));
    const summary = () => q<Row>('select team_id, model_id, experiments as n from model_usage order by 1, 2');
    const recomputed = () => q<Row>(`${RAW_MODEL_USAGE} order by 1, 2`);
    const expectInSync = async () => {
      const [kept, raw] = await Promise.all([summary(), recomputed()]);
      expect(kept.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(raw.map((r) => ({ ...r, n: Number(r.n) })));
      return raw;
    };
    const one = async <T>(text: string) => (await q<T>(text))[0];
    const firstExperiment = () => one<{ id: number; team_id: number }>('select id, team_id from experiments where archived_at is null and exists (select 1 from experiment_models l where l.experiment_id = experiments.id) order by id limit 1');

    it('after the demo seed, with usage to count', async () => {
      expect((await expectInSync()).length).toBeGreaterThan(5);
    });

    it('after inserting an experiment with links, one and in bulk', async () => {
      await q(`insert into experiments (title, team_id) select 'Usage probe', min(id) from teams`);
      await q(`insert into experiment_models (experiment_id, model_id, is_primary)
        select (select max(id) from experiments), id, id = (select min(id) from ai_models) from ai_models order by id limit 3`);
      await expectInSync();
      await q(`insert into experiments (title, team_id, archived_at) select 'Bulk ' || g, (select max(id) from teams), case when g % 5 = 0 then now() end from generate_series(1, 40) g`);
      await q(`insert into experiment_models (experiment_id, model_id) select e.id, m.id from experiments e, (select id from ai_models order by id limit 2) m where e.title like 'Bulk %'`);
      await expectInSync();
    });

    it('after changing, moving and removing links', async () => {
      const e = await firstExperiment();
      const unused = await one<{ id: number }>(`select id from ai_models where id not in (select model_id from experiment_models where experiment_id = ${e.id}) order by id limit 1`);
      await q(`update experiment_models set model_id = ${unused.id} where experiment_id = ${e.id} and model_id = (select min(model_id) from experiment_models where experiment_id = ${e.id})`);
      await expectInSync();
      const other = await one<{ id: number }>(`select id from experiments where id <> ${e.id} and archived_at is null
        and not exists (select 1 from experiment_models l where l.experiment_id = experiments.id and l.model_id = ${unused.id}) order by id desc limit 1`);
      await q(`update experiment_models set experiment_id = ${other.id}, is_primary = false where experiment_id = ${e.id} and model_id = ${unused.id}`);
      await expectInSync();
      await q(`delete from experiment_models where experiment_id = ${other.id}`);
      await expectInSync();
    });

    it('after archiving, restoring and moving an experiment to another team', async () => {
      const e = await firstExperiment();
      await q(`update experiments set archived_at = now() where id = ${e.id}`);
      await expectInSync();
      await q(`update experiments set team_id = (select max(id) from teams) where id = ${e.id}`);
      await expectInSync();
      await q(`update experiments set archived_at = null where id = ${e.id}`);
      await expectInSync();
      await q(`update experiments set team_id = ${e.team_id}, title = title || ' (moved back)' where id = ${e.id}`);
      await expectInSync();
      await q(`update experiments set archived_at = now() where title like 'Bulk %'`);
      await expectInSync();
    });

    it('after deleting experiments (their links go with them), live and archived', async () => {
      const e = await firstExperiment();
      await q(`delete from experiments where id = ${e.id}`);
      await expectInSync();
      await q(`delete from experiments where title like 'Bulk %' or title = 'Usage probe'`);
      await expectInSync();
    });

    it('after a restore of a backup into a fresh instance, and the catalog and trends queries read it', async () => {
      let text = '';
      for await (const chunk of backupJson(ctx.db, 'test')) text += chunk;
      const before = await recomputed();
      expect((await validateBackup(textSource(text))).errors).toEqual([]);
      const fresh = await openTestDb(ctx.kind);
      try {
        await restoreBackup(fresh.ownerDb, textSource(text));
        const restored = await rawRows<Row>(fresh.db, sql`select team_id, model_id, experiments as n from model_usage order by 1, 2`);
        expect(restored.map((r) => ({ ...r, n: Number(r.n) }))).toEqual(before.map((r) => ({ ...r, n: Number(r.n) })));

        const perModel = new Map<number, number>();
        for (const r of before) perModel.set(Number(r.model_id), (perModel.get(Number(r.model_id)) ?? 0) + Number(r.n));
        for (const m of await listModels(fresh.db)) expect(m.experiments).toBe(perModel.get(m.id) ?? 0);
        const usage = await listTeamModelUsage(fresh.db);
        expect(usage.reduce((s, u) => s + u.experiments, 0)).toBe(before.reduce((s, r) => s + Number(r.n), 0));
        expect(usage.length).toBe(before.length);
      } finally {
        await fresh.close();
      }
    });
  },
  { demo: true, today: '2026-11-28' },
);
