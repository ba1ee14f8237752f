// `npm run bench [-- --experiments 100000] [--usage 1000000] [--runs 20] [--skip-http] [--skip-queries] [--csv-only] [--only pglite|postgres] [--query <name part>] [--port 3300] [--check]`: generates a large organisation on a fresh PGlite
// folder (and on BENCH_DATABASE_URL when set: that database is emptied), then measures the dashboard's
// queries (app and raw SQL), the production server over HTTP, the CSV export and the JavaScript per page.
// Prints a table, writes bench/results/<date>.json, and ends with a one-line summary.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { hashPassword } from 'better-auth/crypto';
import { connectPostgres, PGLITE_EXTENSIONS } from '@/db/connect';
import { prepareDatabase } from '@/db/prepare';
import { insertUserWithPassword } from '@/db/seed/demo';
import * as schema from '@/db/schema';
import type { Db } from '@/db/types';
import { generateBenchData, generateUsageData } from './generate';
import { eachOnce, load, rssMb } from './http';
import { measureJs, signInCookie } from './js';
import { benchQueries, type BenchScope } from './queries';
import { pgliteOverPostgres, printRatios } from './ratios';
import { round, time } from './stats';
import { missedTargets, type QueryResult, type TargetResult } from './targets';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const N = Number(arg('experiments', '100000'));
// Daily usage rows (issue 21 §6: 200 teams × 3 years × 5 models ≈ 10^6); 0 skips them.
const USAGE_ROWS = Number(arg('usage', '1000000'));
const RUNS = Number(arg('runs', '20'));
const skipHttp = args.includes('--skip-http');
const skipQueries = args.includes('--skip-queries');
// Exit non-zero naming each target missed (bench/targets.ts).
const check = args.includes('--check');
// Only the CSV export over HTTP (no query timings, pages or JS sizes): for iterating on the export.
const csvOnly = args.includes('--csv-only');
const only = arg('only', '');
// Name parts separated by | (any matches): `--query 'usage|billed'`.
const queryFilters = arg('query', '').split('|');
const EXEC = { email: 'exec@bench.local', password: 'bench-password-123' };
const PORT = Number(arg('port', '3300'));
const SECRET = 'bench-secret-bench-secret-bench-secret-123';

type Captured = { sql: string; params: unknown[] }[];
type Target = {
  kind: 'pglite' | 'postgres';
  db: Db;
  logDb: Db;
  captured: Captured;
  raw: (q: string, params: unknown[]) => Promise<unknown>;
  runSql: (q: string) => Promise<void>;
  close: () => Promise<void>;
  serverEnv: Record<string, string>;
};

function logger(captured: Captured) {
  return { logQuery: (query: string, params: unknown[]) => captured.push({ sql: query, params }) };
}

async function openPglite(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-bench-'));
  const client = await PGlite.create(path.join(dir, 'pgdata'), { extensions: PGLITE_EXTENSIONS });
  const captured: Captured = [];
  return {
    kind: 'pglite',
    db: drizzlePglite({ client, schema }) as unknown as Db,
    logDb: drizzlePglite({ client, schema, logger: logger(captured) }) as unknown as Db,
    captured,
    raw: (q, p) => client.query(q, p as unknown[]),
    runSql: async (q) => {
      await client.exec(q);
    },
    close: () => client.close(),
    // No snapshot of the 100,000-experiment database while the server is measured.
    serverEnv: { UPLIFT_DATA_DIR: dir, UPLIFT_SNAPSHOT_HOURS: '0' },
  };
}

async function openPostgres(url: string): Promise<Target> {
  const reset = postgres(url, { max: 1, onnotice: () => {} });
  pgServerVersion = String((await reset`show server_version`)[0].server_version);
  await reset.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
  await reset.end();
  // The app's own connection (pool of 10, JIT off), so statements the app runs together (Promise.all)
  // run together here too, as they do in the server.
  const { client } = connectPostgres(url);
  // The generator runs on one session of its own (setseed holds per session).
  const generator = postgres(url, { max: 1, onnotice: () => {} });
  const captured: Captured = [];
  return {
    kind: 'postgres',
    db: drizzlePostgres({ client, schema }),
    logDb: drizzlePostgres({ client, schema, logger: logger(captured) }),
    captured,
    raw: (q, p) => client.unsafe(q, p as never[]),
    runSql: async (q) => {
      await generator.unsafe(q);
    },
    close: async () => {
      await generator.end();
      await client.end();
    },
    serverEnv: { DATABASE_URL: url },
  };
}

async function measureQueries(t: Target): Promise<QueryResult[]> {
  const [{ teamId }] = await t.db
    .select({ teamId: schema.experiments.teamId })
    .from(schema.experiments)
    .groupBy(schema.experiments.teamId)
    .orderBy(schema.experiments.teamId)
    .limit(1);
  const today = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
  const out: QueryResult[] = [];
  for (const q of benchQueries().filter((x) => queryFilters.some((part) => x.name.includes(part)))) {
    for (const [scopeName, scope] of [['org', { from, to: today }], ['team', { from, to: today, teamId }]] as [QueryResult['scope'], BenchScope][]) {
      const app = await time(() => q.run(t.db, scope), RUNS);
      t.captured.length = 0;
      await q.run(t.logDb, scope);
      const statements = [...t.captured];
      // All at once, as the app issues most of them (Promise.all): on PostgreSQL they share the pool;
      // PGlite has one connection and runs them one after another either way.
      const raw = await time(() => Promise.all(statements.map((s) => t.raw(s.sql, s.params))), RUNS);
      out.push({ name: q.name, scope: scopeName, app, raw, overhead: round(app.p50 / Math.max(raw.p50, 0.01), 2) });
    }
  }
  return out;
}

async function waitFor(url: string, seconds = 120) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url}`);
}

async function measureServer(t: Target, result: TargetResult) {
  const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next');
  const base = `http://127.0.0.1:${PORT}`;
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  // Another server on the port would be measured instead of this build: refuse.
  if (await fetch(`${base}/api/health`).then(() => true, () => false)) throw new Error(`port ${PORT} is in use: stop what listens there or pass --port`);
  const logPath = path.join('bench', 'results', `server-${t.kind}.log`);
  const serverLog = fs.openSync(logPath, 'w');
  const server: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    env: { ...process.env, ...t.serverEnv, BETTER_AUTH_URL: base, BETTER_AUTH_SECRET: SECRET, NEXT_TELEMETRY_DISABLED: '1' },
    // The server's own output goes to a log beside the results, so a crash under load can be read.
    stdio: ['ignore', serverLog, serverLog],
  });
  const exitedEarly = new Promise<never>((_, reject) =>
    server.once('exit', (code) => reject(new Error(`the server stopped (exit code ${code}): see ${logPath}`))),
  );
  exitedEarly.catch(() => {}); // a normal stop at the end is not an error
  try {
    await Promise.race([waitFor(`${base}/api/health`), exitedEarly]);
    const cookie = await signInCookie(base, EXEC);
    const headers = { cookie };
    result.idleRssMb = await rssMb(server.pid!);
    // The dashboard remembers its figures per data version: a period nobody asked for yet is a
    // first view after a write (every figure computed), measured apart from the repeated views below.
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    if (!csvOnly) {
      const uncached = Array.from({ length: Math.max(5, Math.round(RUNS / 2)) }, (_, k) => `${base}/dashboard?from=${day(91 + k)}&to=${day(1 + k)}`);
      result.dashboardUncached = await eachOnce(uncached, headers);
    }
    const pages = ['/dashboard', '/experiments', '/experiments?status=completed&mindset=new_capability&workType=analysis&page=40', '/trends', '/insights', '/models'];
    result.http = [];
    for (const p of csvOnly ? [] : pages) {
      const results = [];
      for (const c of [1, 10]) results.push(await load(`${base}${p}`, headers, c, c === 1 ? RUNS + 3 : RUNS * 3));
      result.http.push({ page: p, results });
    }
    if (!csvOnly) {
      result.loadedRssMb = await rssMb(server.pid!);
      result.pageBytes = {};
      for (const p of pages.filter((q) => !q.includes('?'))) {
        const res = await fetch(`${base}${p}`, { headers });
        const html = await res.text();
        if (res.status === 200) result.pageBytes[p] = Buffer.byteLength(html);
        else (result.failures ??= []).push(`one view of ${p} answered HTTP ${res.status}, so it was not weighed`);
      }
    }
    // CSV export of everything: wall time and peak memory growth of the server, after one warm-up export
    // (first-request compilation and the database's caches are not the export's cost).
    const csvUrl = `${base}/api/export/experiments?format=csv&archived=include`;
    await (await fetch(csvUrl, { headers })).arrayBuffer();
    const before = await rssMb(server.pid!);
    let peak = before;
    const sampler = setInterval(() => void rssMb(server.pid!).then((v) => (peak = Math.max(peak, v))), 50);
    const started = performance.now();
    const res = await fetch(csvUrl, { headers });
    const bytes = (await res.arrayBuffer()).byteLength;
    clearInterval(sampler);
    result.csv = { seconds: round((performance.now() - started) / 1000, 2), bytes, peakExtraMb: round(peak - before), status: res.status };
    if (!csvOnly) result.jsGzipBytes = await measureJs(base, cookie, ['/dashboard', '/experiments', '/trends', '/insights', '/models']);
  } finally {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  }
}

async function benchTarget(open: () => Promise<Target>): Promise<TargetResult> {
  const t = await open();
  console.log(`\n== ${t.kind}: preparing and generating ${N.toLocaleString()} experiments and ~${USAGE_ROWS.toLocaleString()} usage rows…`);
  await prepareDatabase(t.db, t.kind, { demo: false });
  const started = performance.now();
  await generateBenchData(t.runSql, N);
  if (USAGE_ROWS > 0) await generateUsageData(t.runSql, USAGE_ROWS);
  const generateSeconds = round((performance.now() - started) / 1000, 1);
  await insertUserWithPassword(t.db, { id: 'bench_exec', email: EXEC.email, name: 'Bench Executive', role: 'executive', passwordHash: await hashPassword(EXEC.password) });
  console.log(`   generated in ${generateSeconds} s; measuring queries…`);
  const result: TargetResult = { kind: t.kind, generateSeconds, queries: skipQueries || csvOnly ? [] : await measureQueries(t) };
  await t.close();
  if (!skipHttp) {
    console.log('   measuring the production server…');
    await measureServer(t, result);
  }
  return result;
}

function printTable(results: TargetResult[]) {
  for (const r of results) {
    console.log(`\n${r.kind} — generated ${N.toLocaleString()} experiments in ${r.generateSeconds} s`);
    console.log('query'.padEnd(44), 'scope', 'app p50/p95 ms'.padStart(16), 'raw p50/p95 ms'.padStart(16), 'app÷raw'.padStart(8));
    for (const q of r.queries)
      console.log(q.name.padEnd(44), q.scope.padEnd(5), `${q.app.p50}/${q.app.p95}`.padStart(16), `${q.raw.p50}/${q.raw.p95}`.padStart(16), String(q.overhead).padStart(8));
    if (r.dashboardUncached)
      console.log('HTTP /dashboard, a period not viewed before (first view after a write)'.padEnd(72), `p50 ${r.dashboardUncached.p50} ms  p95 ${r.dashboardUncached.p95} ms  errors ${r.dashboardUncached.errors}`);
    for (const h of r.http ?? [])
      for (const l of h.results)
        console.log(`HTTP ${h.page}`.slice(0, 60).padEnd(60), `c=${l.concurrency}`, `p50 ${l.p50} ms  p95 ${l.p95} ms  ${l.rps} req/s  errors ${l.errors}`);
    if (r.csv) console.log(`CSV export: ${r.csv.seconds} s, ${(r.csv.bytes / 1e6).toFixed(1)} MB, +${r.csv.peakExtraMb} MB peak server memory (HTTP ${r.csv.status})`);
    if (r.jsGzipBytes) console.log('JS on first load (gzip):', Object.entries(r.jsGzipBytes).map(([p, b]) => `${p} ${(b / 1024).toFixed(0)} kB`).join(', '));
    if (r.pageBytes) console.log('one view, HTML with its RSC payload (raw):', Object.entries(r.pageBytes).map(([p, b]) => `${p} ${(b / 1024).toFixed(0)} kB`).join(', '));
    if (r.idleRssMb) console.log(`server memory after start: ${r.idleRssMb} MB${r.loadedRssMb ? `, after the load run: ${r.loadedRssMb} MB` : ''}`);
  }
}

/** Installed versions of the packages that decide the figures. */
function packageVersions(names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    try {
      out[n] = (JSON.parse(fs.readFileSync(path.join('node_modules', n, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      out[n] = 'unknown';
    }
  }
  return out;
}

let pgServerVersion: string | undefined;

async function main() {
  if (!skipHttp && !fs.existsSync(path.join('.next', 'BUILD_ID'))) execSync('npx next build', { stdio: 'inherit' });
  const results: TargetResult[] = [];
  if (only !== 'postgres') results.push(await benchTarget(openPglite));
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl && only !== 'pglite') results.push(await benchTarget(() => openPostgres(pgUrl)));
  printTable(results);
  const [lite, pg] = [results.find((r) => r.kind === 'pglite'), results.find((r) => r.kind === 'postgres')];
  const ratios = lite && pg ? pgliteOverPostgres(lite, pg) : [];
  printRatios(ratios);
  const commit = (() => {
    try {
      return execSync('git rev-parse --short HEAD').toString().trim();
    } catch {
      return 'unknown';
    }
  })();
  const report = {
    date: new Date().toISOString(),
    commit,
    experiments: N,
    runs: RUNS,
    machine: { cores: os.cpus().length, memoryGb: round(os.totalmem() / 2 ** 30, 1), cpu: os.cpus()[0]?.model, node: process.version },
    versions: packageVersions(['next', 'react', '@electric-sql/pglite', 'postgres', 'drizzle-orm']),
    postgresServer: pgServerVersion,
    results,
    pgliteOverPostgres: ratios,
    missedTargets: results.flatMap(missedTargets),
  };
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  const file = path.join('bench', 'results', `${report.date.slice(0, 19).replace(/:/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  const worst = results.map((r) => `${r.kind}: worst query p95 ${r.queries.length ? Math.max(...r.queries.map((q) => q.app.p95)) : '–'} ms${r.http?.length ? `, /dashboard p95 ${r.http[0].results[0].p95} ms` : ''}${r.csv ? `, CSV ${r.csv.seconds} s +${r.csv.peakExtraMb} MB` : ''}`);
  console.log(`\nwrote ${file}`);
  console.log(`bench: ${N} experiments on ${os.cpus().length} cores — ${worst.join('; ')}`);
  if (check) {
    for (const m of report.missedTargets) console.log(`target missed — ${m}`);
    console.log(report.missedTargets.length ? `${report.missedTargets.length} targets missed` : 'every target met');
    if (report.missedTargets.length) process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
