// `npm start`: build if needed, prepare the database in this process (before the server: see STACK.md on
// memory), then serve the production build. Signals are passed on so the database closes cleanly.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '@/db/config';
import { envSsoConfig } from '@/lib/auth/sso/config';
import { checkConfiguration, prepareConfiguredDatabase } from '@/db/prepare';
import { checkProxyConfiguration } from '@/lib/security/forwarded';
import { smtpConfigProblem } from '@/lib/mail/smtp-config';
import { listenHost } from '@/lib/security/listen-host';
import { authSecret, publicUrl } from '@/lib/auth/secret';

const nextBin = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');

function buildIfNeeded() {
  if (fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) return;
  console.log('No production build yet: building (about a minute)…');
  const r = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function main() {
  let host: string;
  try {
    checkConfiguration(() => authSecret({ create: true }));
    checkProxyConfiguration();
    envSsoConfig(); // a half-set UPLIFT_OIDC_* stops start-up with one sentence
    const smtp = smtpConfigProblem(); // so is a malformed UPLIFT_SMTP_URL, rather than a failed send hours later
    if (smtp) throw new ConfigError(smtp);
    const report = await prepareConfiguredDatabase();
    console.log(`Database ready: ${report.kind}, demo data ${report.demo}.`);
    if (report.admin === 'setup-page') console.log('No users yet: open /setup to create the first admin.');
    const decision = listenHost(process.env, report.demoAccounts);
    if ('refusal' in decision) throw new ConfigError(decision.refusal);
    host = decision.host;
  } catch (err) {
    console.error(`Uplift cannot start: ${err instanceof ConfigError ? err.message : String(err)}`);
    process.exit(1);
  }
  buildIfNeeded();
  const port = process.env.PORT ?? '3000';
  console.log(`Uplift on ${publicUrl()} (listening on ${host}:${port})`);
  const child = spawn(process.execPath, [nextBin, 'start', '-p', port, '-H', host], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', PORT: port },
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main();
