// The performance targets (issue 24: every view as cheap as a static page once computed) and the check
// `npm run bench -- --check` makes of one database's results: a sentence per target missed. Pure.
import type { LoadResult } from './http';
import type { Timing } from './stats';

export type QueryResult = { name: string; scope: 'org' | 'team'; app: Timing; raw: Timing; overhead: number };
export type TargetResult = {
  kind: 'pglite' | 'postgres';
  generateSeconds: number;
  queries: QueryResult[];
  http?: { page: string; results: LoadResult[] }[];
  csv?: { seconds: number; bytes: number; peakExtraMb: number; status: number };
  jsGzipBytes?: Record<string, number>;
  /** the HTML (with its inlined RSC payload) of one view of each page, raw bytes */
  pageBytes?: Record<string, number>;
  /** the server's process group, after start and after the load run */
  idleRssMb?: number;
  loadedRssMb?: number;
  /** /dashboard for periods not viewed before: every aggregation computed (c=1). */
  dashboardUncached?: LoadResult;
  /** what the run could not measure (a page weighed with an error status, say): each one a miss */
  failures?: string[];
};

type Limit = { pglite: number; postgres: number };
export const TARGETS = {
  dashboardRps: { pglite: 40, postgres: 60 } as Limit, // repeated /dashboard, req/s at c=10, at least
  dashboardP95: { pglite: 50, postgres: 50 } as Limit, // repeated /dashboard, p95 ms at c=1, at most
  firstViewP95: { pglite: 300, postgres: 150 } as Limit, // first view after a write, p95 ms, at most
  otherPageRps: { pglite: 30, postgres: 30 } as Limit, // every other page, req/s at c=10, at least
  pageKb: 200, // one dashboard view, HTML and RSC payload, raw kB, at most
  jsGzipKb: 150, // first-load JS of every page, gzip kB, at most
  idleMb: 250, // PostgreSQL: the process group idle, MiB, at most
  loadedMb: 450, // PostgreSQL: after the load run, at most
} as const;

const at = (r: TargetResult, page: string, concurrency: number) => r.http?.find((h) => h.page === page)?.results.find((l) => l.concurrency === concurrency);

/** Each target this database's results miss, as a sentence naming the figure and the target; [] when all are met. */
export function missedTargets(r: TargetResult): string[] {
  const k = r.kind;
  const missed: string[] = (r.failures ?? []).map((f) => `${k}: ${f}`);
  // A figure from failed requests or a server never measured proves nothing: both are misses.
  if (!r.http?.length) missed.push(`${k}: the pages were not measured (run without --skip-http)`);
  for (const h of r.http ?? [])
    for (const l of h.results) if (l.errors > 0) missed.push(`${k}: ${h.page} at c=${l.concurrency} failed ${l.errors} of ${l.requests} requests`);
  if (r.dashboardUncached?.errors) missed.push(`${k}: first view after a write failed ${r.dashboardUncached.errors} of ${r.dashboardUncached.requests} requests`);
  const dashboard10 = at(r, '/dashboard', 10);
  const dashboard1 = at(r, '/dashboard', 1);
  if (dashboard10 && dashboard10.rps < TARGETS.dashboardRps[k]) missed.push(`${k}: repeated /dashboard at c=10 serves ${dashboard10.rps} req/s (target ≥ ${TARGETS.dashboardRps[k]})`);
  if (dashboard1 && dashboard1.p95 > TARGETS.dashboardP95[k]) missed.push(`${k}: repeated /dashboard at c=1 has p95 ${dashboard1.p95} ms (target ≤ ${TARGETS.dashboardP95[k]})`);
  if (r.dashboardUncached && r.dashboardUncached.p95 > TARGETS.firstViewP95[k])
    missed.push(`${k}: first view after a write has p95 ${r.dashboardUncached.p95} ms (target ≤ ${TARGETS.firstViewP95[k]})`);
  for (const h of r.http ?? []) {
    const c10 = at(r, h.page, 10);
    if (h.page !== '/dashboard' && c10 && c10.rps < TARGETS.otherPageRps[k]) missed.push(`${k}: ${h.page} at c=10 serves ${c10.rps} req/s (target ≥ ${TARGETS.otherPageRps[k]})`);
  }
  const page = r.pageBytes?.['/dashboard'];
  if (page !== undefined && page / 1024 > TARGETS.pageKb) missed.push(`${k}: one /dashboard view weighs ${Math.round(page / 1024)} kB raw (target ≤ ${TARGETS.pageKb})`);
  for (const [p, bytes] of Object.entries(r.jsGzipBytes ?? {}))
    if (bytes / 1024 > TARGETS.jsGzipKb) missed.push(`${k}: ${p} loads ${Math.round(bytes / 1024)} kB of JavaScript gzip (target ≤ ${TARGETS.jsGzipKb})`);
  if (k === 'postgres' && r.idleRssMb !== undefined && r.idleRssMb > TARGETS.idleMb) missed.push(`postgres: the server holds ${r.idleRssMb} MiB idle (target ≤ ${TARGETS.idleMb})`);
  if (k === 'postgres' && r.loadedRssMb !== undefined && r.loadedRssMb > TARGETS.loadedMb)
    missed.push(`postgres: the server holds ${r.loadedRssMb} MiB after the load run (target ≤ ${TARGETS.loadedMb})`);
  return missed;
}
