// `BENCH_DATABASE_URL=… npx tsx bench/usage-import.ts [--rows 1000000] [--pglite] [--parse-only]`: issue 21's import target, "10^6
// usage rows in ≤ 60 s on PostgreSQL, memory bounded". Writes a CSV of --rows rows (200 teams × days × 5 models, as
// a large organisation produces) to a temporary file, then imports it the way `npm run usage -- import csv` does
// (streamed, batches of IMPORT_BATCH, one transaction) into BENCH_DATABASE_URL, which is EMPTIED first (or a fresh
// PGlite folder with --pglite). Prints the time, rows per second and the peak resident memory while importing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareDatabase } from '@/db/prepare';
import { openBenchDb } from './open-db';
import { describeImport, IMPORT_BATCH, importUsage } from '@/db/queries/usage/import';
import { CSV_HEADER } from '@/lib/usage/sources/csv';
import { usageRecordsFrom } from '@/lib/usage/read-stream';
import { checkRecord } from '@/lib/usage/validate';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const ROWS = Number(arg('rows', '1000000'));
const TEAMS = 200;
const MODELS = ['gpt-4o', 'gpt-4o-mini', 'claude-sonnet-4.5', 'gemini-2.5-pro', 'mistral-large-2'];
const mb = (bytes: number) => Math.round(bytes / 1_048_576);

/** One row per (day, team, model), days going back from 2026-11-30, with costs that need every micro. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`${CSV_HEADER}\n`);
  const start = Date.UTC(2026, 10, 30);
  const perDay = TEAMS * MODELS.length;
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const day = new Date(start - Math.floor(i / perDay) * 86_400_000).toISOString().slice(0, 10);
    const team = (i % perDay) % TEAMS;
    const model = MODELS[Math.floor((i % perDay) / TEAMS)];
    const vendor = model.startsWith('gpt') ? 'OpenAI' : model.startsWith('claude') ? 'Anthropic' : model.startsWith('gemini') ? 'Google' : 'Mistral AI';
    const requests = (i * 7919) % 5000;
    chunk += `${day},team-${team},${vendor},${model},${requests},${requests * 850},${requests * 210},${(requests * 0.000731).toFixed(6)},USD,${(i % 40) + 1}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-bench-csv-'));
  const file = path.join(dir, 'usage.csv');
  const { conn, kind, cleanup } = await openBenchDb(args, 'uplift-bench-usage-');
  try {
    let t = performance.now();
    await writeCsv(file, ROWS);
    console.log(`Wrote ${ROWS} rows (${mb(fs.statSync(file).size)} MB) in ${Math.round(performance.now() - t)} ms.`);
    if (args.includes('--parse-only')) {
      // The reading half alone (stream, CSV parse, record rules): what the database half is measured against.
      t = performance.now();
      let n = 0;
      for await (const r of usageRecordsFrom('csv', fs.createReadStream(file))) n += checkRecord(r, n + 1) ? 0 : 1;
      console.log(`Read and checked ${n} records in ${((performance.now() - t) / 1000).toFixed(1)} s.`);
      return;
    }
    await prepareDatabase(conn.db, kind, { demo: false });
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const load = os.loadavg()[0];
    const cpu = process.cpuUsage();
    t = performance.now();
    const r = await importUsage(conn.db, { source: 'csv', origin: 'command', fileName: 'usage.csv', records: usageRecordsFrom('csv', fs.createReadStream(file)), actor: null });
    const ms = performance.now() - t;
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(describeImport(r));
    console.log(
      `${kind}: ${ROWS} rows in ${(ms / 1000).toFixed(1)} s (${Math.round(ROWS / (ms / 1000))} rows/s, batches of ${IMPORT_BATCH}); ` +
        `resident memory ${mb(baseline)} MB before, peak ${mb(peak)} MB while importing (+${mb(peak - baseline)} MB); ` +
        `this process's CPU ${((used.user + used.system) / 1e6).toFixed(1)} s; load average ${load.toFixed(1)} at the start, ${os.loadavg()[0].toFixed(1)} at the end (${os.cpus().length} cores).`,
    );
  } finally {
    await conn.close();
    cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
