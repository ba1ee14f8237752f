import { sql, type SQL } from 'drizzle-orm';
import type { AccessChannel, Conclusion, Mindset, Sensitivity, Status, WorkType } from '../../schema';
import { cursorBatches } from '../../cursor';
import type { Db } from '../../types';
import type { ExperimentFilters } from '@/lib/validation/experiment-filters';
import { buildExperimentWhere, type FilterContext } from '../experiments/filters';
import { activeIn, effectiveHoursSql, effectiveSpendSql } from '../dashboard/scope';
import { exportOrderKeys, orderBySql } from './export';
import { resolveHeadlineFilters } from '../dashboard/headline';
import type { Period } from '@/lib/metrics/period';
import { todayIn } from '@/lib/metrics/today';
import { experimentCol as col } from '../../sql';

/** A numeric column as JSON gives it: a number (PostgreSQL writes the string 'NaN' for a NaN numeric). */
type Numeric = number | string | null;

/** One experiment as the exports write it: every field, its models and its outcome and check-in counts. */
export type ExperimentExportRow = {
  id: number;
  title: string;
  team: string;
  owner: string;
  status: Status;
  mindset: Mindset | null;
  workType: WorkType | null;
  startDate: string | null;
  endDate: string | null;
  primaryModel: string;
  comparedModels: string;
  reasoningUsed: boolean;
  dataSensitivity: Sensitivity | null;
  participantCount: number;
  participants: string;
  hoursBeforePerTask: Numeric;
  hoursWithAiPerTask: Numeric;
  tasksPerMonth: Numeric;
  hoursSavedPerMonth: Numeric;
  spendMonthlyCents: number | null;
  spendOneOffCents: number | null;
  spendOneOffDate: string | null;
  qualityBefore: number | null;
  qualityAfter: number | null;
  outcomeCount: number;
  checkinCount: number;
  blockedByModel: boolean;
  blockerMissing: string;
  blockerBenchmark: string;
  blockerMinScore: Numeric;
  blockerMaxPriceUsd: Numeric;
  conclusion: Conclusion | null;
  privacyMitigation: string;
  retestOfId: number | null;
  description: string;
  hypothesis: string;
  learnings: string;
  /** Timestamps as ISO 8601 in UTC with milliseconds, exactly as Date.toISOString() writes them. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The figures the dashboard sums: the latest check-in's, else the experiment's own, else 0. */
  currentHoursSavedPerMonth: Numeric;
  currentSpendMonthlyCents: number;
  /** Where each current figure comes from: "check-in of YYYY-MM-DD", "experiment" or "none (counted as 0)". */
  currentHoursFrom: string;
  currentSpendFrom: string;
  /** Active in the export's period (the dashboard's definition), and that period as text. */
  activeInPeriod: boolean;
  period: string;
  exploration: boolean;
  targetMetric: string;
  /** Each model's name and access channel code, by model name (lib/export/columns.ts says them in words). */
  accessChannels: [string, AccessChannel][] | null;
};

// In UTC without an offset; toRow turns it into toISOString()'s form (cheaper there than to_char in SQL).
const utc = (name: string) => sql`(${col(name)} at time zone 'UTC')`;

/** Where a current figure comes from: the latest check-in carrying it (x_checkins), else the experiment's own. */
const source = (checkinCol: string, ownCol: string, latestOn: string) =>
  sql`case when ${col(checkinCol)} is not null then 'check-in of ' || to_char(x_checkins.${sql.raw(latestOn)}, 'YYYY-MM-DD')
    when ${col(ownCol)} is not null then 'experiment' else 'none (counted as 0)' end`;

/** Each field and the SQL that computes it; the statement returns them as one JSON array per row, in this order. */
const fields = (period: Period, today: string): Record<keyof ExperimentExportRow, SQL> => ({
  id: col('id'),
  title: col('title'),
  team: sql`x_team.name`,
  owner: sql`coalesce(x_owner.name, '')`,
  status: col('status'),
  mindset: col('mindset'),
  workType: col('work_type'),
  startDate: col('start_date'),
  endDate: col('end_date'),
  primaryModel: sql`coalesce(x_models.primary_models, '')`,
  comparedModels: sql`coalesce(x_models.compared_models, '')`,
  reasoningUsed: col('reasoning_used'),
  dataSensitivity: col('data_sensitivity'),
  participantCount: col('participant_count'),
  participants: col('participants'),
  hoursBeforePerTask: col('hours_before_per_task'),
  hoursWithAiPerTask: col('hours_with_ai_per_task'),
  tasksPerMonth: col('tasks_per_month'),
  hoursSavedPerMonth: col('hours_saved_per_month'),
  spendMonthlyCents: col('spend_monthly_cents'),
  spendOneOffCents: col('spend_one_off_cents'),
  spendOneOffDate: col('spend_one_off_date'),
  qualityBefore: col('quality_before'),
  qualityAfter: col('quality_after'),
  outcomeCount: col('outcome_count'), // kept by triggers on capability_outcomes (db/derived/outcome-count.sql)
  checkinCount: sql`coalesce(x_checkins.n, 0)`,
  blockedByModel: col('blocked_by_model'),
  blockerMissing: col('blocker_missing'),
  blockerBenchmark: col('blocker_benchmark'),
  blockerMinScore: col('blocker_min_score'),
  blockerMaxPriceUsd: col('blocker_max_price_usd'),
  conclusion: col('conclusion'),
  privacyMitigation: col('privacy_mitigation'),
  retestOfId: col('retest_of_id'),
  description: col('description'),
  hypothesis: col('hypothesis'),
  learnings: col('learnings'),
  archivedAt: utc('archived_at'),
  createdAt: utc('created_at'),
  updatedAt: utc('updated_at'),
  currentHoursSavedPerMonth: effectiveHoursSql,
  currentSpendMonthlyCents: effectiveSpendSql,
  currentHoursFrom: source('checkin_hours_saved_per_month', 'hours_saved_per_month', 'hours_on'),
  currentSpendFrom: source('checkin_spend_monthly_cents', 'spend_monthly_cents', 'spend_on'),
  activeInPeriod: activeIn(period, today),
  period: sql`${`${period.from} to ${period.to}`}::text`,
  exploration: col('exploration'),
  targetMetric: col('target_metric'),
  accessChannels: sql`x_models.channels`,
});
/** The order of the JSON array; toRow reads it by position (a test holds the two together). */
export const KEYS = Object.keys(fields({ from: '2000-01-01', to: '2000-01-01' }, '2000-01-01')) as (keyof ExperimentExportRow)[];

/**
 * One statement for the whole export: the filtered experiments in the list's order, each with its team,
 * owner, models and check-in count, as one JSON array per row (one field to decode instead of forty: PGlite
 * decodes fields in JS). Models and counts are aggregated set-wise (one pass over each table), which
 * beats a correlated lookup per row once the export is large.
 * The inner query joins and sorts plain columns; the outer one builds the JSON as sorted rows come out
 * (PostgreSQL sees the inner order satisfies the outer ORDER BY and does not sort again), so on
 * PostgreSQL the first rows leave before all the JSON is written.
 */
export function experimentRowsStatement(filters: ExperimentFilters, ctx: FilterContext, period: Period): SQL {
  const FIELDS = fields(period, ctx.today ?? todayIn());
  const where = buildExperimentWhere(filters, ctx);
  const whereSql = where ? sql`where ${where}` : sql``;
  // Aggregates over the selected experiments only when a filter narrows them: a small export (one team)
  // then reads only its own rows; a whole-table pass is cheaper for everything (archived or not).
  const narrowed = buildExperimentWhere({ ...filters, archived: 'include' }, ctx) !== undefined;
  const only = (column: string) => (narrowed ? sql`where ${sql.raw(column)} in (select "experiments"."id" from experiments ${whereSql})` : sql``);
  const keys = exportOrderKeys(filters);
  const field = (i: number) => sql.raw(`f${i}`);
  const key = (i: number) => sql.raw(`k${i}`);
  return sql`select json_build_array(${sql.join(KEYS.map((_, i) => sql`x.${field(i)}`), sql`, `)})::text from (
    select ${sql.join(KEYS.map((k, i) => sql`${FIELDS[k]} as ${field(i)}`), sql`, `)},
      ${sql.join(keys.map((k, i) => sql`${k.expr} as ${key(i)}`), sql`, `)}
    from experiments
    join teams x_team on x_team.id = "experiments"."team_id"
    left join "user" x_owner on x_owner.id = "experiments"."owner_id"
    left join (
      select em.experiment_id,
        string_agg(am.name, '; ' order by am.name) filter (where em.is_primary) as primary_models,
        string_agg(am.name, '; ' order by am.name) filter (where not em.is_primary) as compared_models,
        json_agg(json_build_array(am.name, em.channel) order by am.name) as channels
      from experiment_models em join ai_models am on am.id = em.model_id
      ${only('em.experiment_id')} group by em.experiment_id
    ) x_models on x_models.experiment_id = "experiments"."id"
    left join (
      select experiment_id, count(*)::int as n,
        max(date) filter (where hours_saved_per_month is not null) as hours_on,
        max(date) filter (where spend_monthly_cents is not null) as spend_on
      from checkins ${only('experiment_id')} group by experiment_id
    ) x_checkins on x_checkins.experiment_id = "experiments"."id"
    ${whereSql}
    order by ${sql.join(orderBySql(keys, key), sql`, `)}
  ) x order by ${sql.join(orderBySql(keys, (i) => sql`x.${key(i)}`), sql`, `)}`;
}

/** JSON's form of a timestamp without zone: seconds, then an optional fraction of 1–6 digits. */
const JSON_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?$/;

/**
 * A UTC timestamp as JSON gives it ("2026-01-02T03:04:05.123456") in Date.toISOString()'s form: three
 * digits of fraction, truncated as a Date truncates, and "Z". By string, not through Date: parsing six
 * fractional digits takes V8's slow path, a measurable share of a 100,000-row export.
 */
export function isoTimestamp(value: unknown): string | null {
  if (value == null) return null;
  const text = String(value);
  // 'infinity', years past 9999 or BC have no such form: write what the database holds.
  return JSON_TIMESTAMP.test(text) ? `${text.slice(0, 19)}.${text.slice(20, 23).padEnd(3, '0')}Z` : text;
}

/** The JSON array of one row as an object; an explicit literal (one shape, no keyed stores) — KEYS order. */
export function toRow(a: unknown[]): ExperimentExportRow {
  return {
    id: a[0],
    title: a[1],
    team: a[2],
    owner: a[3],
    status: a[4],
    mindset: a[5],
    workType: a[6],
    startDate: a[7],
    endDate: a[8],
    primaryModel: a[9],
    comparedModels: a[10],
    reasoningUsed: a[11],
    dataSensitivity: a[12],
    participantCount: a[13],
    participants: a[14],
    hoursBeforePerTask: a[15],
    hoursWithAiPerTask: a[16],
    tasksPerMonth: a[17],
    hoursSavedPerMonth: a[18],
    spendMonthlyCents: a[19],
    spendOneOffCents: a[20],
    spendOneOffDate: a[21],
    qualityBefore: a[22],
    qualityAfter: a[23],
    outcomeCount: a[24],
    checkinCount: a[25],
    blockedByModel: a[26],
    blockerMissing: a[27],
    blockerBenchmark: a[28],
    blockerMinScore: a[29],
    blockerMaxPriceUsd: a[30],
    conclusion: a[31],
    privacyMitigation: a[32],
    retestOfId: a[33],
    description: a[34],
    hypothesis: a[35],
    learnings: a[36],
    archivedAt: isoTimestamp(a[37]),
    createdAt: isoTimestamp(a[38]),
    updatedAt: isoTimestamp(a[39]),
    currentHoursSavedPerMonth: a[40],
    currentSpendMonthlyCents: a[41],
    currentHoursFrom: a[42],
    currentSpendFrom: a[43],
    activeInPeriod: a[44],
    period: a[45],
    exploration: a[46],
    targetMetric: a[47],
    accessChannels: a[48],
  } as ExperimentExportRow;
}

/**
 * Rows per fetch. Small enough that a batch's parsed rows die young (measured at 100,000 rows: 500
 * peaks tens of MB lower than 2,000 and costs no more time on either database).
 */
export const EXPORT_ROW_BATCH = 500;

/**
 * The experiments the filters select (scope them to the caller first: teamScope(user).scopeFilters), in the list's
 * order, `batchSize` rows at a time from one statement and so one consistent snapshot: rows written while
 * a download runs never appear half in it.
 */
export async function* experimentRowBatches(
  db: Db,
  filters: ExperimentFilters,
  ctx: FilterContext = {},
  options: { batchSize?: number } = {},
): AsyncGenerator<ExperimentExportRow[]> {
  // The period of "Active in the period": the one the dashboard, the report and the Summary sheet use.
  const { period, today } = await resolveHeadlineFilters(db, filters, ctx);
  for await (const batch of cursorBatches(db, experimentRowsStatement(filters, { ...ctx, today }, period), options.batchSize ?? EXPORT_ROW_BATCH)) {
    yield batch.map((r) => toRow(JSON.parse(r[0] as string) as unknown[]));
  }
}
