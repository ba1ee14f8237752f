// One definition per rule: each rule of lib/metrics that the database also applies (a trigger body, a
// partial index, a generated column, a query fragment) is held here to what the database really holds and
// computes, on PGlite and PostgreSQL. A rule changed in lib/metrics but not in db/derived/ or db/schema
// (or the other way round) fails here.
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { rawRows } from '@/db/sql';
import type { Queryable } from '@/db/types';
import { awaitingEvidenceSql, needsCapabilityEvidence, needsEvidenceSql } from '@/lib/metrics/capability-evidence';
import { PORTABLE_MODEL_COUNT } from '@/lib/metrics/concentration';
import { CURRENT_HOURS_SAVED_SQL, HOURS_SAVED_SQL, hoursSavedPerMonth } from '@/lib/metrics/hours';
import { blendedPrice, blendedPriceSql } from '@/lib/metrics/prices';
import { channelPolicy, channelPolicySql, isPrivacyFlagged, isRiskyPolicy, privacyFlagSql, riskyPolicySql, RISKY_POLICIES, SENSITIVE } from '@/lib/metrics/privacy';
import { ACCESS_CHANNELS } from '@/db/schema/experiment-models';
import { experimentDay, experimentDayAt, experimentDaySql, quarterStart, quarterStartSql } from '@/lib/metrics/quarter';
import { primaryFirstSql } from '@/lib/metrics/vendor';
import { DATA_POLICIES } from '@/db/schema/models';
import { SENSITIVITIES } from '@/db/schema/experiments';
import { describeEachDb } from './helpers/db';

const bare = (col: string) => col;
const ROLLED_BACK = new Error('rolled back on purpose');

/** Runs `body` in a transaction that is always rolled back, with a session time zone far from UTC. */
async function inScratch<T>(db: Queryable, body: (tx: Queryable) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'Pacific/Kiritimati'`);
      out = await body(tx);
      throw ROLLED_BACK;
    })
    .catch((e) => {
      if (e !== ROLLED_BACK) throw e;
    });
  return out as T;
}

const functionBody = async (db: Queryable, name: string) =>
  (await rawRows<{ body: string }>(db, sql`select prosrc as body from pg_proc where proname = ${name}`))[0]?.body ?? '';

/** The predicate of an index as PostgreSQL prints it. */
const predicateOf = async (db: Queryable, index: string) =>
  (await rawRows<{ def: string }>(db, sql`select indexdef as def from pg_indexes where indexname = ${index}`))[0]?.def.replace(/^.* WHERE /, '') ?? '';

/** `fragment` as PostgreSQL prints it when it is an index predicate on experiments: built and dropped again. */
const printedPredicate = (db: Queryable, fragment: string) =>
  inScratch(db, async (tx) => {
    await tx.execute(sql.raw(`create index rule_check_idx on experiments (id) where ${fragment}`));
    return predicateOf(tx, 'rule_check_idx');
  });

const generated = async (db: Queryable, table: string, column: string) =>
  (
    await rawRows<{ expr: string }>(
      db,
      sql`select generation_expression as expr from information_schema.columns where table_name = ${table} and column_name = ${column}`,
    )
  )[0]?.expr ?? '';

/** `expression` as PostgreSQL prints it when it is a generated column of a table like experiments. */
const printedGenerated = (db: Queryable, expression: string) =>
  inScratch(db, async (tx) => {
    await tx.execute(
      sql.raw(`create table rule_check (hours_before_per_task numeric(8,2), hours_with_ai_per_task numeric(8,2), tasks_per_month numeric(10,2),
        checkin_hours_saved_per_month numeric(14,2), figure numeric(14,2) generated always as (${expression}) stored)`),
    );
    return generated(tx, 'rule_check', 'figure');
  });

const lit = (v: string | number | boolean | null) => (v == null ? 'null' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

/** Evaluates `fragment` (SQL over the named columns of `experiments`) for each row, in PostgreSQL. */
async function evaluate(db: Queryable, columns: string[], types: string[], rows: (string | number | boolean | null)[][], fragment: string) {
  if (!rows.length) return [];
  const values = rows.map((r, i) => `(${i}, ${r.map((v, j) => `${lit(v)}::${types[j]}`).join(', ')})`).join(',\n');
  const query = `select (${fragment}) as v from (values ${values}) as experiments(i, ${columns.join(', ')}) order by i`;
  return inScratch(db, async (tx) => (await rawRows<{ v: unknown }>(tx, sql.raw(query))).map((r) => r.v));
}

const asNumber = (v: unknown) => (v == null ? null : Number(v));

describeEachDb('each rule of lib/metrics is what the database holds', (ctx) => {
  it('privacy flag: the partial index and the model summary read the two lists of lib/metrics/privacy.ts', async () => {
    expect(await predicateOf(ctx.ownerDb, 'experiments_privacy_flag_idx')).toBe(await printedPredicate(ctx.ownerDb, privacyFlagSql(bare)));
    const linkPolicy = channelPolicySql('em.channel', 'm.data_policy', 'p.data_policy');
    expect(await functionBody(ctx.ownerDb, 'experiments_refresh_model_summary')).toContain(`coalesce(bool_or(${riskyPolicySql(linkPolicy)}), false)`);
    expect(riskyPolicySql('m.data_policy')).toBe("m.data_policy IN ('trains', 'unknown')");
    expect(privacyFlagSql(bare)).toBe("(data_sensitivity in ('confidential', 'restricted') and privacy_mitigation = '' and uses_training_model)");
  });

  it('privacy flag: the SQL fragment flags exactly the experiments isPrivacyFlagged flags', async () => {
    const policySets = [[], ...DATA_POLICIES.map((p) => [p]), [...DATA_POLICIES]];
    const cases = SENSITIVITIES.flatMap((sensitivity) =>
      ['', '  ', 'opt-out agreed'].flatMap((mitigation) => policySets.map((policies) => ({ sensitivity, mitigation, policies }))),
    );
    // The database keeps privacy_mitigation trimmed (the form trims it); uses_training_model is the summary.
    const flags = await evaluate(
      ctx.db,
      ['data_sensitivity', 'privacy_mitigation', 'uses_training_model'],
      ['text', 'text', 'boolean'],
      cases.map((c) => [c.sensitivity, c.mitigation.trim(), c.policies.some(isRiskyPolicy)]),
      privacyFlagSql(),
    );
    expect(flags).toEqual(cases.map(isPrivacyFlagged));
    expect(flags.filter(Boolean)).toHaveLength(SENSITIVE.length * 2 * RISKY_POLICIES.length + SENSITIVE.length * 2);
  });

  it('privacy by channel: the SQL fragment gives each link the policy channelPolicy gives', async () => {
    const rowPolicies = [null, ...DATA_POLICIES];
    const cases = ACCESS_CHANNELS.flatMap((channel) => DATA_POLICIES.flatMap((model) => rowPolicies.map((row) => ({ channel, model, row }))));
    const policies = await evaluate(
      ctx.db,
      ['channel', 'model_policy', 'row_policy'],
      ['text', 'text', 'text'],
      cases.map((c) => [c.channel, c.model, c.row]),
      channelPolicySql('channel', 'model_policy', 'row_policy'),
    );
    expect(policies).toEqual(cases.map((c) => channelPolicy(c.channel, c.model, c.row)));
    // The API is the model's own policy; a self-hosted copy without a vendor row does not train; others are unknown.
    expect(policies.filter((p, i) => cases[i].channel === 'api' && p === cases[i].model)).toHaveLength(12);
    expect(channelPolicy('self_hosted', 'trains', null)).toBe('no_training');
    expect(channelPolicy('consumer_free', 'no_training', null)).toBe('unknown');
  });

  it('an experiment’s vendor: the model summary orders its links as lib/metrics/vendor.ts', async () => {
    expect(await functionBody(ctx.ownerDb, 'experiments_refresh_model_summary')).toContain(
      `array_agg(m.vendor ORDER BY ${primaryFirstSql('em', 'm')})`,
    );
  });

  it('quarter of an experiment: the insights rollup groups by lib/metrics/quarter.ts, in UTC whatever the session’s time zone', async () => {
    const body = await functionBody(ctx.ownerDb, 'insights_rollup_apply');
    // The rollup reads the organisation's time zone and fiscal year start into org_tz and org_fy.
    expect(body).toContain(`${quarterStartSql(experimentDayAt('x', 'org_tz'), 'org_fy')} AS quarter`);
    expect(body).toContain(`x.model_count >= ${PORTABLE_MODEL_COUNT}`);
    // Created late on 31 March UTC: already 1 April in Kiritimati (UTC+14), the scratch session's zone.
    const rows = [
      { startDate: null, createdAt: new Date('2026-03-31T20:00:00Z') },
      { startDate: '2026-07-01', createdAt: new Date('2026-03-31T20:00:00Z') },
      { startDate: null, createdAt: new Date('2026-12-31T23:59:59Z') },
    ];
    const quarters = await evaluate(
      ctx.db,
      ['start_date', 'created_at'],
      ['date', 'timestamptz'],
      rows.map((r) => [r.startDate, r.createdAt.toISOString()]),
      `${quarterStartSql(experimentDaySql('experiments'))}::text`,
    );
    expect(quarters).toEqual(rows.map((r) => quarterStart(experimentDay(r))));
    expect(quarters).toEqual(['2026-01-01', '2026-07-01', '2026-10-01']);
    // A fiscal year starting in April, in Seoul (UTC+9): 20:00 UTC on 31 March is already 1 April there.
    const fiscal = await evaluate(
      ctx.db,
      ['start_date', 'created_at'],
      ['date', 'timestamptz'],
      rows.map((r) => [r.startDate, r.createdAt.toISOString()]),
      `${quarterStartSql(experimentDaySql('experiments', 'Asia/Seoul'), 4)}::text`,
    );
    expect(fiscal).toEqual(rows.map((r) => quarterStart(experimentDay(r, 'Asia/Seoul'), 4)));
    expect(fiscal).toEqual(['2026-04-01', '2026-07-01', '2027-01-01']); // 1 January 2027 in Seoul: Q4 FY2026/27
    for (const fy of [1, 2, 3, 4, 7, 10, 12]) {
      const days = ['2025-01-01', '2025-02-28', '2025-03-31', '2025-04-01', '2025-06-30', '2025-11-30', '2025-12-31', '2024-02-29'];
      const sqlStarts = await evaluate(ctx.db, ['start_date', 'created_at'], ['date', 'timestamptz'], days.map((d) => [d, '2025-01-01T00:00:00Z']), `${quarterStartSql(experimentDaySql('experiments'), fy)}::text`);
      expect(sqlStarts, `fiscal year from month ${fy}`).toEqual(days.map((d) => quarterStart(d, fy)));
    }
  });

  it('needs capability evidence: the partial index and the count agree with lib/metrics/capability-evidence.ts', async () => {
    expect(await predicateOf(ctx.ownerDb, 'experiments_need_evidence_idx')).toBe(await printedPredicate(ctx.ownerDb, awaitingEvidenceSql(bare)));
    const today = '2026-06-30';
    const cases = ['2026-05-31', '2026-05-30', '2026-06-29', null].flatMap((ended) =>
      [0, 2].flatMap((outcomes) => [null, 10].flatMap((hours) => [false, true].map((exploration) => ({ ended, outcomes, hours, exploration })))),
    );
    const sqlSays = await evaluate(
      ctx.db,
      ['status', 'exploration', 'end_date', 'outcome_count', 'hours_saved_per_month', 'spend_monthly_cents', 'spend_one_off_cents'],
      ['text', 'boolean', 'date', 'int', 'numeric', 'int', 'int'],
      cases.map((c) => ['completed', c.exploration, c.ended, c.outcomes, c.hours, null, null]),
      `coalesce(${needsEvidenceSql(today)}, false)`,
    );
    expect(sqlSays).toEqual(
      cases.map((c) => needsCapabilityEvidence({ ended: c.ended, hasCapability: c.outcomes > 0, hasEfficiency: c.hours != null, exploration: c.exploration }, today)),
    );
    // Only the measured one that ended 2026-05-30 with hours and no outcome; its exploration twin is never nudged.
    expect(cases.filter((_, i) => sqlSays[i])).toEqual([{ ended: '2026-05-30', outcomes: 0, hours: 10, exploration: false }]);
  });

  it('hours saved: the generated columns are lib/metrics/hours.ts’s, and compute what hoursSavedPerMonth does', async () => {
    const plain = await printedGenerated(ctx.ownerDb, HOURS_SAVED_SQL);
    expect(await generated(ctx.ownerDb, 'experiments', 'hours_saved_per_month')).toBe(plain);
    expect(await generated(ctx.ownerDb, 'checkins', 'hours_saved_per_month')).toBe(plain);
    expect(await generated(ctx.ownerDb, 'experiments', 'current_hours_saved_per_month')).toBe(await printedGenerated(ctx.ownerDb, CURRENT_HOURS_SAVED_SQL));
    const inputs: [number | null, number | null, number | null][] = [[2.5, 1.25, 40], [3, 3.5, 12.5], [1.33, 0.67, 3.33], [2, null, 10]];
    const saved = await evaluate(
      ctx.db,
      ['hours_before_per_task', 'hours_with_ai_per_task', 'tasks_per_month'],
      ['numeric(8,2)', 'numeric(8,2)', 'numeric(10,2)'],
      inputs,
      `(${HOURS_SAVED_SQL})::numeric(14,2)`,
    );
    expect(saved.map(asNumber)).toEqual(inputs.map((i) => hoursSavedPerMonth(...i)));
  });

  it('the 3:1 blended price: the SQL fragment computes blendedPrice', async () => {
    const prices = [[2.5, 10], [0.15, 0.6], [3, 15], [1.1, 4.4]];
    const blended = await evaluate(ctx.db, ['input_usd_per_mtok', 'output_usd_per_mtok'], ['numeric(12,4)', 'numeric(12,4)'], prices, blendedPriceSql('experiments'));
    expect(blended.map((v) => Math.round(Number(v) * 1e6) / 1e6)).toEqual(prices.map(([i, o]) => Math.round(blendedPrice(i, o) * 1e6) / 1e6));
    expect(blendedPriceSql('p')).toBe('(3 * p.input_usd_per_mtok + p.output_usd_per_mtok) / 4');
  });
});
