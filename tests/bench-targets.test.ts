// The bench's --check (bench/targets.ts): each target missed is named with its figure; met targets say nothing.
import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../bench/http';
import { missedTargets, type TargetResult } from '../bench/targets';

const load = (concurrency: number, p95: number, rps: number): LoadResult => ({ concurrency, requests: 20, p50: p95 / 2, p95, rps, errors: 0 });
const pages = (dashboard: [number, number, number, number], other: number) => [
  { page: '/dashboard', results: [load(1, dashboard[0], dashboard[1]), load(10, dashboard[2], dashboard[3])] },
  { page: '/trends', results: [load(1, 40, 25), load(10, 300, other)] },
];

const met = (kind: TargetResult['kind']): TargetResult => ({
  kind,
  generateSeconds: 1,
  queries: [],
  http: pages([50, 22, 150, kind === 'postgres' ? 60 : 40], 30),
  dashboardUncached: load(1, kind === 'postgres' ? 150 : 300, 5),
  pageBytes: { '/dashboard': 200 * 1024 },
  jsGzipBytes: { '/dashboard': 150 * 1024, '/trends': 150 * 1024 },
  idleRssMb: 250,
  loadedRssMb: 450,
});

describe('bench targets', () => {
  it('says nothing when every figure is exactly at its target, on either database', () => {
    expect(missedTargets(met('postgres'))).toEqual([]);
    expect(missedTargets(met('pglite'))).toEqual([]);
  });

  it('names each target missed with its figure', () => {
    const r: TargetResult = {
      ...met('postgres'),
      http: pages([50.1, 20, 400, 59.9], 29.9),
      dashboardUncached: load(1, 150.1, 5),
      pageBytes: { '/dashboard': 695 * 1024 },
      jsGzipBytes: { '/dashboard': 151 * 1024, '/trends': 150 * 1024 },
      idleRssMb: 251,
      loadedRssMb: 451,
    };
    expect(missedTargets(r)).toEqual([
      'postgres: repeated /dashboard at c=10 serves 59.9 req/s (target ≥ 60)',
      'postgres: repeated /dashboard at c=1 has p95 50.1 ms (target ≤ 50)',
      'postgres: first view after a write has p95 150.1 ms (target ≤ 150)',
      'postgres: /trends at c=10 serves 29.9 req/s (target ≥ 30)',
      'postgres: one /dashboard view weighs 695 kB raw (target ≤ 200)',
      'postgres: /dashboard loads 151 kB of JavaScript gzip (target ≤ 150)',
      'postgres: the server holds 251 MiB idle (target ≤ 250)',
      'postgres: the server holds 451 MiB after the load run (target ≤ 450)',
    ]);
  });

  it('holds PGlite to its own limits and reports its memory without a target', () => {
    const r: TargetResult = { ...met('pglite'), http: pages([45, 22, 150, 39], 30), dashboardUncached: load(1, 301, 5), idleRssMb: 600, loadedRssMb: 900 };
    expect(missedTargets(r)).toEqual([
      'pglite: repeated /dashboard at c=10 serves 39 req/s (target ≥ 40)',
      'pglite: first view after a write has p95 301 ms (target ≤ 300)',
    ]);
  });

  it('counts failed requests, a page it could not weigh and a server never measured as misses', () => {
    const failing = { ...load(10, 150, 60), errors: 3 };
    const r: TargetResult = {
      ...met('postgres'),
      http: [{ page: '/dashboard', results: [load(1, 50, 22), failing] }],
      dashboardUncached: { ...load(1, 150, 5), errors: 1 },
      failures: ['one view of /trends answered HTTP 500, so it was not weighed'],
    };
    expect(missedTargets(r)).toEqual([
      'postgres: one view of /trends answered HTTP 500, so it was not weighed',
      'postgres: /dashboard at c=10 failed 3 of 20 requests',
      'postgres: first view after a write failed 1 of 20 requests',
    ]);
    expect(missedTargets({ ...met('pglite'), http: undefined })).toEqual(['pglite: the pages were not measured (run without --skip-http)']);
  });
});
