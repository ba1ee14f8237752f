'use server';

import { cookies, headers } from 'next/headers';
import { ZodError } from 'zod';
import { chooseLocale, LOCALE_COOKIE, type Locale } from '@/i18n/locales';
import type { TeamTableRow } from '@/components/dashboard/team-table';
import type { BilledVsReportedView, UsageTableRow } from '@/components/dashboard/usage-tables';
import type { RowsOrError } from '@/components/ui/row-preview';
import { dashboard } from '@/db/queries/dashboard/cached';
import { requirePermission } from '@/lib/auth/guard';
import { teamScope, type SessionUser } from '@/lib/auth/permissions';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import type { Db } from '@/db';
import { dashboardRequest } from './request';
import { teamTableRows } from './_sections/team-rows';
import { telemetryText } from './_sections/telemetry-rows';

/*
 * Every row of a long dashboard table, for its "Show all" (the page sends the first ten). `search` is the
 * dashboard's query string; the filters, and a lead's own-teams scope, are resolved from it and from the caller's
 * session exactly as the page resolves them, and the figures come from the same per-data-version cache.
 */

/** The page's rule for the reader's language (i18n/request.ts): their choice, the language cookie, the browser. */
async function readerLocale(user: SessionUser): Promise<Locale> {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return chooseLocale({ user: user.locale, cookie: jar.get(LOCALE_COOKIE)?.value, acceptLanguage: head.get('accept-language') });
}

const UNREADABLE = 'These filters could not be read: reload the dashboard.';

/** The caller's rows for `search`, or a sentence when the query string is not one the dashboard reads. */
async function rowsFor<T>(search: string, rows: (user: SessionUser, db: Db, filters: DashboardFilters, locale: Locale) => Promise<T[]>): Promise<RowsOrError<T>> {
  const user = await requirePermission('dashboard.read');
  let request;
  try {
    request = await dashboardRequest(user, new URLSearchParams(typeof search === 'string' ? search : ''));
  } catch (err) {
    if (err instanceof ZodError || err instanceof RangeError) return { error: UNREADABLE };
    throw err;
  }
  return { rows: await rows(user, request.db, request.filters, await readerLocale(user)) };
}

export async function allTeamTableRows(search: string): Promise<RowsOrError<TeamTableRow>> {
  return rowsFor(search, async (_user, db, filters, locale) => teamTableRows(filters, await dashboard.teamBreakdown(db, filters), locale));
}

export async function allUsageTeamRows(search: string): Promise<RowsOrError<UsageTableRow>> {
  return rowsFor(search, async (user, db, filters, locale) => {
    const telemetry = await dashboard.usageTelemetry(db, filters, teamScope(user).leadsOwnTeams);
    const text = telemetryText(filters, telemetry, locale);
    return telemetry.byTeam.map(text.teamRow);
  });
}

export async function allBilledRows(search: string): Promise<RowsOrError<BilledVsReportedView>> {
  return rowsFor(search, async (user, db, filters, locale) => {
    const scope = teamScope(user).leadsOwnTeams;
    const [telemetry, billed] = await Promise.all([dashboard.usageTelemetry(db, filters, scope), dashboard.billedVsReported(db, filters, scope)]);
    const text = telemetryText(filters, telemetry, locale);
    return billed.map(text.billedRow);
  });
}
