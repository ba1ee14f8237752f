// `npm test`: typecheck, lint, schema/migration sync, unit + integration tests (PGlite, and PostgreSQL
// when TEST_DATABASE_URL is set), production build, Playwright on PGlite and (E2E_DATABASE_URL or
// TEST_DATABASE_URL) on PostgreSQL. Ends with one line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const reports = path.join(process.cwd(), '.test-reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });
const bin = (name: string) => path.join(process.cwd(), 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function step(name: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env } });
  const ok = r.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

function addVitest(file: string) {
  if (!fs.existsSync(file)) return;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests ?? 0;
  totals.failed += r.numFailedTests ?? 0;
  totals.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
}

function addPlaywright(file: string) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, 'utf8')).stats ?? {};
  totals.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  totals.failed += s.unexpected ?? 0;
  totals.skipped += s.skipped ?? 0;
}

const pgUrl = process.env.TEST_DATABASE_URL;
const e2ePgUrl = process.env.E2E_DATABASE_URL ?? pgUrl;

step('typecheck', bin('tsc'), ['--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);
step('schema and migrations agree', bin('tsx'), ['scripts/check-migrations.ts']);
if (!pgUrl) console.log('\nPostgreSQL integration tests will be skipped: TEST_DATABASE_URL is not set.');
const vitestReport = path.join(reports, 'vitest.json');
step('unit and integration tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
addVitest(vitestReport);

if (step('production build', bin('next'), ['build'])) {
  const pglite = path.join(reports, 'e2e-pglite.json');
  step('end-to-end tests on PGlite', bin('playwright'), ['test'], { PW_JSON_REPORT: pglite, E2E_DATABASE_URL: '' , DATABASE_URL: ''});
  addPlaywright(pglite);
  if (e2ePgUrl) {
    const pg = path.join(reports, 'e2e-postgres.json');
    step('end-to-end tests on PostgreSQL', bin('playwright'), ['test'], { PW_JSON_REPORT: pg, E2E_DATABASE_URL: e2ePgUrl });
    addPlaywright(pg);
  } else {
    console.log('\nEnd-to-end tests on PostgreSQL skipped: set TEST_DATABASE_URL or E2E_DATABASE_URL (its database is emptied).');
  }
}

if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
