// The server Playwright tests run against: a fresh database with the demo data, then `next start`.
// PGlite: a new temporary data folder each run. PostgreSQL (E2E_DATABASE_URL, a superuser's): the
// database is emptied first, then migrated as the owner role and served as the ordinary app role
// (scripts/test-roles.ts), as a production install should run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { TEST_APP_ROLE, TEST_OWNER_ROLE, asRole, ensureTestRoles } from './test-roles';

/** Empties the database and hands its schema to the owner role. */
async function resetPostgres(url: string) {
  await ensureTestRoles(url);
  const database = decodeURIComponent(new URL(url).pathname.slice(1)).replace(/"/g, '""');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop schema if exists public cascade; drop schema if exists drizzle cascade;
    create schema public authorization ${TEST_OWNER_ROLE}; grant create on database "${database}" to ${TEST_OWNER_ROLE};`);
  await sql.end();
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, UPLIFT_DEMO: '1', NEXT_TELEMETRY_DISABLED: '1' };
  // A known secret on both databases, so a test can sign `npm run jobs` requests (e2e/fixtures.ts E2E_SECRET).
  env.BETTER_AUTH_SECRET ??= 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
  const pgUrl = process.env.E2E_DATABASE_URL;
  if (pgUrl) {
    await resetPostgres(pgUrl);
    env.DATABASE_URL = asRole(pgUrl, TEST_APP_ROLE);
    env.UPLIFT_MIGRATE_DATABASE_URL = asRole(pgUrl, TEST_OWNER_ROLE);
  } else {
    delete env.DATABASE_URL;
    delete env.UPLIFT_MIGRATE_DATABASE_URL;
    env.UPLIFT_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-e2e-'));
  }
  const child = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => {
    if (env.UPLIFT_DATA_DIR) fs.rmSync(env.UPLIFT_DATA_DIR, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
