// The measured half of bench/restore.ts: restores one backup file into a fresh database and prints, as
// its last line, JSON with the rows, seconds and this process's peak resident memory.
import { fileSource } from '@/db/backup/read';
import { restoreBackup } from '@/db/backup/restore';
import type { DatabaseKind } from '@/db/config';
import { openDatabase } from '../scripts/reliability/databases';

async function main() {
  const [kind, file, dir] = process.argv.slice(2) as [DatabaseKind, string, string];
  const target = await openDatabase(kind, { demo: false, dir: kind === 'pglite' ? dir : undefined });
  try {
    const baselineMb = process.memoryUsage().rss / 1024 / 1024;
    // maxRSS covers the process's whole life (migrations too); sampling gives the restore's own peak.
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = performance.now();
    const { counts } = await restoreBackup(target.ownerDb, fileSource(file));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(timer);
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(JSON.stringify({ rows, seconds, baselineMb, peakMb: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024, lifetimeMb: process.resourceUsage().maxRSS / 1024 }));
  } finally {
    await target.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
