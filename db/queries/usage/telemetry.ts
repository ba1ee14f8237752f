import { inArray, sql } from 'drizzle-orm';
import { aiModels, teams } from '../../schema';
import type { Queryable } from '../../types';
import { rawRows } from '../../sql';
import { addSpend, totalSpend, type BillPart, type SpendTotal } from '@/lib/metrics/usage-currency';
import { usageBucketSql, usageBuckets, usageGranularity, usageMonthSql, type UsageGranularity } from '@/lib/metrics/usage-buckets';
import { summarizeConcentration, type ConcentrationSummary } from '@/lib/metrics/concentration';
import { loadFxContext, type FxContext } from './fx-rates';
import type { UsageFilters, UsageScope } from './filters';
import { usageSlice } from './slice';

/**
 * Adoption telemetry from the imported daily usage (usage_daily): active users, requests, tokens and billed
 * spend, over time and by team, model and vendor, for the dashboard's period and filters and the caller's
 * scope (db/queries/usage/filters.ts).
 *
 * Active users are the daily maximum: the highest active-user count any one usage row (a day of one source's
 * team and model) reported in the slice. They are never summed across days, teams or models, because the same
 * person is counted on each of them. Spend is converted into the reporting currency month by month
 * (lib/metrics/usage-currency.ts); bills without a rate are listed as unconverted, not dropped.
 */
export type UsageFigures = {
  activeUsers: number | null;
  engagedUsers: number | null;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  spend: SpendTotal;
};

/** The label unmapped usage (no Uplift team) is shown under. */
export const UNMAPPED = 'Unmapped';
/** The model of usage that names none (the dashboard says it in the reader's language: dashboard.telemetry.noModelNamed). */
export const NO_MODEL_NAMED = 'No model named';

type Group = { k: string | null; month: string; currency: string; au: number | null; eu: number | null; rq: number; it: number; ot: number; cost: number };

/** The breakdowns a pass can group by; each is also grouped by month (the rates' unit) and currency. */
export type UsageDimension = 'time' | 'team' | 'model' | 'vendor';

/**
 * One pass over the slice (whole months, whole week-and-month segments, raw ends: slice.ts) for any of the breakdowns: GROUPING SETS, so the rows are read once however many are
 * asked for (at 10^6 rows the read is the cost, not the grouping). A model is its catalog id where the alias table
 * resolved it, else the vendor's id as reported; a vendor is the catalog's, else the one the source named.
 */
async function grouped(db: Queryable, f: UsageFilters, scope: UsageScope, dims: readonly UsageDimension[]): Promise<Record<UsageDimension, Group[]>> {
  const g = usageGranularity(f.period);
  const cols = dims.map((d) => COLUMN[d]).join(', ');
  const sets = sql.raw(dims.map((d) => `(${COLUMN[d]}, month, currency)`).join(', '));
  // Only a weekly time axis needs rows no month holds: every other pass groups by month (the rates' unit) or coarser.
  const slice = await usageSlice(db, f, scope, dims.includes('time') ? g : 'month');
  const rows = await rawRows<Group & { g: number }>(
    db,
    sql`select grouping(${sql.raw(cols)}) as g, coalesce(${sql.raw(cols)}) as k, month, currency,
        max(au) as au, max(eu) as eu, sum(rq)::float8 as rq, sum(it)::float8 as it, sum(ot)::float8 as ot, sum(cost)::float8 as cost
      from (select ${dims.includes('time') ? usageBucketSql(sql`u.day`, g) : sql`''`} as b,
          u.team_id::text as tm,
          ${dims.includes('model') ? sql`case when u.model_id is not null then 'm:' || u.model_id else 'x:' || u.vendor || '|' || u.external_model end` : sql`''`} as mk,
          ${dims.includes('vendor') ? sql`coalesce(am.vendor, u.vendor)` : sql`''`} as vd,
          ${usageMonthSql(sql`u.day`)} as month, u.currency as currency, u.active_users as au, u.engaged_users as eu,
          u.requests as rq, u.input_tokens as it, u.output_tokens as ot, u.cost_micros as cost
        from ${slice} u ${dims.includes('vendor') ? sql`left join ai_models am on am.id = u.model_id` : sql``}) s
      group by grouping sets (${sets})`,
  );
  const out: Record<UsageDimension, Group[]> = { time: [], team: [], model: [], vendor: [] };
  for (const r of rows) {
    // grouping(…) marks with a 1 each asked column a set leaves out, the first column as the highest bit.
    const dim = dims.find((_, i) => Number(r.g) === (((1 << dims.length) - 1) ^ (1 << (dims.length - 1 - i))));
    if (!dim) continue;
    out[dim].push({ k: r.k == null ? null : String(r.k), month: r.month, currency: r.currency, au: r.au == null ? null : Number(r.au), eu: r.eu == null ? null : Number(r.eu), rq: Number(r.rq), it: Number(r.it), ot: Number(r.ot), cost: Number(r.cost) });
  }
  return out;
}

const COLUMN: Record<UsageDimension, string> = { time: 'b', team: 'tm', model: 'mk', vendor: 'vd' };

const maxOf = (a: number | null, b: number | null) => (a == null ? b : b == null ? a : Math.max(a, b));

/** Groups folded per key: sums add, active users take the maximum, bills convert month by month. */
function fold(groups: Group[], fx: FxContext): Map<string | null, UsageFigures> {
  const acc = new Map<string | null, Omit<UsageFigures, 'spend'> & { parts: BillPart[] }>();
  for (const g of groups) {
    const a = acc.get(g.k) ?? { activeUsers: null, engagedUsers: null, requests: 0, inputTokens: 0, outputTokens: 0, parts: [] };
    a.activeUsers = maxOf(a.activeUsers, g.au);
    a.engagedUsers = maxOf(a.engagedUsers, g.eu);
    a.requests += g.rq;
    a.inputTokens += g.it;
    a.outputTokens += g.ot;
    a.parts.push({ month: g.month, currency: g.currency, costMicros: g.cost });
    acc.set(g.k, a);
  }
  return new Map([...acc].map(([k, { parts, ...a }]) => [k, { ...a, spend: totalSpend(parts, fx.reporting, fx.rates) }]));
}

export const emptyFigures = (): UsageFigures => ({
  activeUsers: null,
  engagedUsers: null,
  requests: 0,
  inputTokens: 0,
  outputTokens: 0,
  spend: { reportingMicros: 0, unconverted: [], ratesUsed: [] },
});

/** Figures added together (a total over teams): sums add, active users take the maximum. */
export function combineFigures(rows: readonly UsageFigures[]): UsageFigures {
  const out = emptyFigures();
  for (const r of rows) {
    out.activeUsers = maxOf(out.activeUsers, r.activeUsers);
    out.engagedUsers = maxOf(out.engagedUsers, r.engagedUsers);
    out.requests += r.requests;
    out.inputTokens += r.inputTokens;
    out.outputTokens += r.outputTokens;
  }
  out.spend = addSpend(rows.map((r) => r.spend));
  return out;
}

export type UsageTimeRow = UsageFigures & { key: string; label: string; from: string; to: string };
export type UsageTeamRow = UsageFigures & { teamId: number | null; team: string };
export type UsageModelRow = UsageFigures & { key: string; model: string; slug: string | null; vendor: string };
export type UsageVendorRow = UsageFigures & { vendor: string };

const bySpend = (a: UsageFigures, b: UsageFigures) => b.spend.reportingMicros - a.spend.reportingMicros || b.requests - a.requests;

/** Every week or month of the period (empty ones as zeros, so the axis is continuous). */
function timeRows(groups: Group[], f: UsageFilters, fx: FxContext): UsageTimeRow[] {
  const byKey = fold(groups, fx);
  return usageBuckets(f.period, usageGranularity(f.period)).map((b) => ({ ...b, ...(byKey.get(b.key) ?? emptyFigures()) }));
}

/** Per team, largest spend first; usage with no team is one row, "Unmapped", last. */
async function teamRows(db: Queryable, groups: Group[], fx: FxContext): Promise<UsageTeamRow[]> {
  const byKey = fold(groups, fx);
  const ids = [...byKey.keys()].filter((k): k is string => k != null).map(Number);
  const names = new Map((ids.length ? await db.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.id, ids)) : []).map((t) => [t.id, t.name]));
  const rows = [...byKey].map(([k, v]) => ({ ...v, teamId: k == null ? null : Number(k), team: k == null ? UNMAPPED : (names.get(Number(k)) ?? `Team ${k}`) }));
  return rows.sort((a, b) => Number(a.teamId == null) - Number(b.teamId == null) || bySpend(a, b) || a.team.localeCompare(b.team));
}

/** Per model (usage that names no model is NO_MODEL_NAMED), largest spend first, the first `limit`. */
async function modelRows(db: Queryable, groups: Group[], fx: FxContext, limit: number): Promise<UsageModelRow[]> {
  const byKey = fold(groups, fx);
  const ids = [...byKey.keys()].filter((k) => k?.startsWith('m:')).map((k) => Number(k!.slice(2)));
  const models = new Map(
    (ids.length ? await db.select({ id: aiModels.id, name: aiModels.name, slug: aiModels.slug, vendor: aiModels.vendor }).from(aiModels).where(inArray(aiModels.id, ids)) : []).map((m) => [m.id, m]),
  );
  const rows = [...byKey].map(([k, v]) => {
    if (k!.startsWith('m:')) {
      const m = models.get(Number(k!.slice(2)));
      return { ...v, key: k!, model: m?.name ?? k!, slug: m?.slug ?? null, vendor: m?.vendor ?? '' };
    }
    const [vendor, ...rest] = k!.slice(2).split('|');
    const external = rest.join('|');
    return { ...v, key: k!, model: external || NO_MODEL_NAMED, slug: null, vendor };
  });
  return rows.sort((a, b) => bySpend(a, b) || a.model.localeCompare(b.model)).slice(0, limit);
}

const vendorRows = (groups: Group[], fx: FxContext): UsageVendorRow[] =>
  [...fold(groups, fx)].map(([k, v]) => ({ ...v, vendor: k ?? '' })).sort((a, b) => bySpend(a, b) || a.vendor.localeCompare(b.vendor));

export async function getUsageOverTime(db: Queryable, f: UsageFilters, scope: UsageScope, fx?: FxContext): Promise<{ granularity: UsageGranularity; rows: UsageTimeRow[] }> {
  const [groups, ctx] = await Promise.all([grouped(db, f, scope, ['time']), fx ?? loadFxContext(db, f.period)]);
  return { granularity: usageGranularity(f.period), rows: timeRows(groups.time, f, ctx) };
}

export async function getUsageByTeam(db: Queryable, f: UsageFilters, scope: UsageScope, fx?: FxContext): Promise<UsageTeamRow[]> {
  const [groups, ctx] = await Promise.all([grouped(db, f, scope, ['team']), fx ?? loadFxContext(db, f.period)]);
  return teamRows(db, groups.team, ctx);
}

export async function getUsageByModel(db: Queryable, f: UsageFilters, scope: UsageScope, fx?: FxContext, limit = 15): Promise<UsageModelRow[]> {
  const [groups, ctx] = await Promise.all([grouped(db, f, scope, ['model']), fx ?? loadFxContext(db, f.period)]);
  return modelRows(db, groups.model, ctx, limit);
}

export async function getUsageByVendor(db: Queryable, f: UsageFilters, scope: UsageScope, fx?: FxContext): Promise<UsageVendorRow[]> {
  const [groups, ctx] = await Promise.all([grouped(db, f, scope, ['vendor']), fx ?? loadFxContext(db, f.period)]);
  return vendorRows(groups.vendor, ctx);
}

/** Whether any usage was ever imported (the section's empty state says how to import it when none was). */
export async function hasUsageData(db: Queryable): Promise<boolean> {
  const [row] = await rawRows<{ has_rows: boolean }>(db, sql`select exists (select 1 from usage_daily) as has_rows`);
  return Boolean(row?.has_rows);
}

export type UsageTelemetry = {
  reportingCurrency: string;
  /** false: no usage was ever imported (not merely none in this slice) */
  anyUsage: boolean;
  granularity: UsageGranularity;
  total: UsageFigures;
  overTime: UsageTimeRow[];
  byTeam: UsageTeamRow[];
  byModel: UsageModelRow[];
  byVendor: UsageVendorRow[];
  /** Vendor concentration (lib/metrics/concentration.ts) weighted by billed spend in the reporting currency, not by experiments. */
  vendorConcentration: ConcentrationSummary;
};

/**
 * Everything the dashboard's telemetry section shows (cached per data version by the page). One pass per breakdown,
 * all at once: on PostgreSQL they run side by side on the pool, which measured faster than one GROUPING SETS pass
 * (its planner sorts three of the four sets); grouped() takes several dimensions for a caller that wants one read.
 */
export async function getUsageTelemetry(db: Queryable, f: UsageFilters, scope: UsageScope): Promise<UsageTelemetry> {
  const fx = await loadFxContext(db, f.period);
  const [anyUsage, time, byTeam, byModel, byVendor] = await Promise.all([
    hasUsageData(db),
    getUsageOverTime(db, f, scope, fx),
    getUsageByTeam(db, f, scope, fx),
    getUsageByModel(db, f, scope, fx),
    getUsageByVendor(db, f, scope, fx),
  ]);
  const vendorConcentration = summarizeConcentration(new Map(byVendor.map((v) => [v.vendor, v.spend.reportingMicros])));
  return { reportingCurrency: fx.reporting, anyUsage, granularity: time.granularity, total: combineFigures(byTeam), overTime: time.rows, byTeam, byModel, byVendor, vendorConcentration };
}
