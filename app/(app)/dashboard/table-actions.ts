'use server';

import type { TeamTableRow } from '@/components/dashboard/team-table';
import type { BilledVsReportedView, UsageTableRow } from '@/components/dashboard/usage-tables';
import { dashboard } from '@/db/queries/dashboard/cached';
import { requirePermission } from '@/lib/auth/guard';
import { teamScope } from '@/lib/auth/permissions';
import { dashboardRequest } from './request';
import { teamTableRows } from './_sections/team-rows';
import { telemetryText } from './_sections/telemetry-rows';

/*
 * Every row of a long dashboard table, for its "Show all" (the page sends the first ten). `search` is the
 * dashboard's query string; the filters, and a lead's own-teams scope, are resolved from it and from the caller's
 * session exactly as the page resolves them, and the figures come from the same per-data-version cache.
 */

export async function allTeamTableRows(search: string): Promise<TeamTableRow[]> {
  const user = await requirePermission('dashboard.read');
  const { db, filters } = await dashboardRequest(user, new URLSearchParams(search));
  return teamTableRows(filters, await dashboard.teamBreakdown(db, filters));
}

export async function allUsageTeamRows(search: string): Promise<UsageTableRow[]> {
  const user = await requirePermission('dashboard.read');
  const { db, filters } = await dashboardRequest(user, new URLSearchParams(search));
  const telemetry = await dashboard.usageTelemetry(db, filters, teamScope(user).leadsOwnTeams);
  const text = await telemetryText(filters, telemetry);
  return telemetry.byTeam.map(text.teamRow);
}

export async function allBilledRows(search: string): Promise<BilledVsReportedView[]> {
  const user = await requirePermission('dashboard.read');
  const { db, filters } = await dashboardRequest(user, new URLSearchParams(search));
  const scope = teamScope(user).leadsOwnTeams;
  const [telemetry, billed] = await Promise.all([dashboard.usageTelemetry(db, filters, scope), dashboard.billedVsReported(db, filters, scope)]);
  const text = await telemetryText(filters, telemetry);
  return billed.map(text.billedRow);
}
