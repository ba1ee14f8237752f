import { and, between, isNotNull, sql } from 'drizzle-orm';
import { usageDaily } from '../../schema';
import type { Queryable } from '../../types';
import { loadFxContext } from '../usage/fx-rates';
import { getUsageByVendor } from '../usage/telemetry';
import { resolvePeriod, type Period } from '@/lib/metrics/period';

/**
 * The digest's concentration (issue 20 §4): the dashboard's own figure, vendor concentration weighted by billed
 * spend in the reporting currency (getUsageByVendor, as getUsageTelemetry weighs it), over the dashboard's
 * default period ending on the digest's last day. Kept as spend per vendor, for the organisation and per team,
 * so a lead's digest can be cut to their teams as their dashboard is (teamScope().leadsOwnTeams).
 */
export type VendorSpend = Map<string, number>;
export type ConcentrationSource = { period: Period; org: VendorSpend; byTeam: Map<number, VendorSpend> };

export async function digestConcentration(db: Queryable, to: string): Promise<ConcentrationSource> {
  const period = resolvePeriod('90d', to);
  const fx = await loadFxContext(db, period);
  const spend = async (scope: number[] | null): Promise<VendorSpend> =>
    new Map((await getUsageByVendor(db, { period }, scope, fx)).map((v) => [v.vendor, v.spend.reportingMicros]));
  const teamIds = await db
    .selectDistinct({ id: sql<number>`${usageDaily.teamId}` })
    .from(usageDaily)
    .where(and(between(usageDaily.day, period.from, period.to), isNotNull(usageDaily.teamId)));
  const byTeam = new Map<number, VendorSpend>();
  for (const { id } of teamIds) byTeam.set(Number(id), await spend([Number(id)]));
  return { period, org: await spend(null), byTeam };
}

/** The spend per vendor of some teams: the sum of theirs (conversion is per month, so sums add up). */
export function spendOfTeams(source: ConcentrationSource, teamIds: readonly number[]): VendorSpend {
  const out: VendorSpend = new Map();
  for (const id of teamIds) for (const [vendor, micros] of source.byTeam.get(id) ?? []) out.set(vendor, (out.get(vendor) ?? 0) + micros);
  return out;
}
