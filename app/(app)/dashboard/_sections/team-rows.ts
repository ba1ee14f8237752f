import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import type { TeamTableRow } from '@/components/dashboard/team-table';
import type { TeamRow } from '@/db/queries/dashboard/teams';
import { drillDownHref, type DashboardFilters } from '@/lib/validation/dashboard-filters';

/** The team table's rows as it shows them: each figure's drill-down into /experiments, and the outcomes' tooltip. */
export function teamTableRows(f: DashboardFilters, rows: readonly TeamRow[], locale: Locale): TeamTableRow[] {
  const t = translatorFor(locale, 'dashboard');
  const { from, to } = f.period;
  return rows.map((r) => ({
    ...r,
    activeHref: drillDownHref({ ...f, team: [r.teamId] }, { from, to }),
    outcomesHref: drillDownHref({ ...f, team: [r.teamId] }, { outcomeFrom: from, outcomeTo: to }),
    outcomesNote: t('outcomesNote', { outcomes: r.outcomes, experiments: r.outcomeExperiments }),
  }));
}
