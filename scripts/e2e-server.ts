// The server Playwright tests run against: a fresh database with the demo data, then `next start`.
// PGlite: a new temporary data folder each run. PostgreSQL (E2E_DATABASE_URL): the database is emptied first.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

async function resetPostgres(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
  await sql.end();
}

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, UPLIFT_DEMO: '1', NEXT_TELEMETRY_DISABLED: '1' };
  const pgUrl = process.env.E2E_DATABASE_URL;
  if (pgUrl) {
    await resetPostgres(pgUrl);
    env.DATABASE_URL = pgUrl;
    env.BETTER_AUTH_SECRET ??= 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
  } else {
    delete env.DATABASE_URL;
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
