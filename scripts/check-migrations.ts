// Fails when db/schema and db/migrations disagree: drizzle-kit's consistency check, then a
// `generate` that must find nothing to do (any file it writes is removed again).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(process.cwd(), 'db', 'migrations');
const kit = path.join(process.cwd(), 'node_modules', 'drizzle-kit', 'bin.cjs');
const list = () => new Set(fs.readdirSync(dir).concat(fs.readdirSync(path.join(dir, 'meta')).map((f) => `meta/${f}`)));

const check = spawnSync(process.execPath, [kit, 'check'], { encoding: 'utf8' });
if (check.status !== 0) {
  console.error(check.stdout, check.stderr);
  process.exit(1);
}
const before = list();
const journal = fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8');
const gen = spawnSync(process.execPath, [kit, 'generate', '--name', 'ci_check'], { encoding: 'utf8' });
const added = [...list()].filter((f) => !before.has(f));
for (const f of added) fs.rmSync(path.join(dir, f));
fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), journal);
if (gen.status !== 0 || added.length) {
  console.error(`db/schema has changes without a migration: run \`npm run db:generate\`.\n${gen.stdout}${gen.stderr}`);
  process.exit(1);
}
console.log('Schema and migrations agree.');
