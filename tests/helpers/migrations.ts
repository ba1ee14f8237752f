import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const shipped = path.join(process.cwd(), 'db', 'migrations');

/**
 * A copy of the migrations folder as an earlier release had it: the journal cut after its first
 * `count` migrations. Migrating with it builds that release's schema; the caller removes the folder.
 */
export function earlierMigrationsFolder(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(shipped, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) fs.copyFileSync(path.join(shipped, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

export function shippedMigrationCount(): number {
  return (JSON.parse(fs.readFileSync(path.join(shipped, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
}
