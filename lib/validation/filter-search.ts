// Query-string builders for the filter forms, kept free of zod (type imports only) so client components
// can use them without shipping the schemas: the schemas stay in experiment-filters.ts and dashboard-filters.ts,
// which re-export these, so server code imports from there as before.
import type { DashboardParams } from './dashboard-filters';
import type { ExperimentFilters } from './experiment-filters';

/** The /experiments query string for these filters: arrays comma-joined, `true` as "yes", page 1 and empties left out. */
export function experimentFiltersToSearch(f: Partial<ExperimentFilters>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null) continue;
    if (k === 'page' && v === 1) continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else if (v === true) p.set(k, 'yes');
    else p.set(k, String(v));
  }
  return p.toString();
}

/** The dashboard's own query string for these parameters (the shareable link). */
export function dashboardParamsToSearch(p: Partial<DashboardParams>): string {
  const { period: named, ...rest } = p;
  // A URL with from/to and no period is a custom period (effectivePreset): kept as one, not dropped for 90 days.
  const period = named ?? (p.from || p.to ? 'custom' : undefined);
  const s = new URLSearchParams(experimentFiltersToSearch(rest));
  if (period && period !== '90d') s.set('period', period);
  if (period !== 'custom') {
    s.delete('from');
    s.delete('to');
  }
  return s.toString();
}
