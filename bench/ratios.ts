import { round, type Timing } from './stats';
import type { LoadResult } from './http';

/** The parts of one database's results that have a PGlite ÷ PostgreSQL ratio. */
type Comparable = {
  queries: { name: string; scope: string; app: Timing }[];
  http?: { page: string; results: LoadResult[] }[];
  csv?: { seconds: number };
  dashboardUncached?: LoadResult;
};
export type Ratio = { what: string; pglite: number; postgres: number; ratio: number };

/** PGlite ÷ PostgreSQL for every p50 both runs measured (queries, pages at each concurrency, CSV). */
export function pgliteOverPostgres(pglite: Comparable, postgres: Comparable): Ratio[] {
  const out: Ratio[] = [];
  const add = (what: string, a: number | undefined, b: number | undefined) => {
    if (a != null && b != null && b > 0) out.push({ what, pglite: a, postgres: b, ratio: round(a / b, 2) });
  };
  for (const q of pglite.queries) add(`${q.name} (${q.scope}) p50 ms`, q.app.p50, postgres.queries.find((p) => p.name === q.name && p.scope === q.scope)?.app.p50);
  for (const h of pglite.http ?? [])
    for (const l of h.results)
      add(`HTTP ${h.page} c=${l.concurrency} p50 ms`, l.p50, postgres.http?.find((p) => p.page === h.page)?.results.find((r) => r.concurrency === l.concurrency)?.p50);
  add('HTTP /dashboard first view c=1 p50 ms', pglite.dashboardUncached?.p50, postgres.dashboardUncached?.p50);
  add('CSV export s', pglite.csv?.seconds, postgres.csv?.seconds);
  return out;
}

export function printRatios(ratios: Ratio[]) {
  if (!ratios.length) return;
  console.log('\nPGlite ÷ PostgreSQL');
  for (const r of ratios) console.log(r.what.slice(0, 70).padEnd(70), `${r.pglite} / ${r.postgres}`.padStart(20), `${r.ratio}×`.padStart(8));
}
