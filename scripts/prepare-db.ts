// Prepares the configured database before the server starts: migrations, reference catalog, demo data.
import { checkProxyConfiguration } from '@/lib/security/forwarded';
import { authSecret } from '@/lib/auth/secret';
import { ConfigError } from '@/db/config';
import { checkConfiguration, prepareConfiguredDatabase } from '@/db/prepare';

async function main() {
  const started = Date.now();
  checkConfiguration(() => authSecret({ create: true }));
  checkProxyConfiguration();
  const report = await prepareConfiguredDatabase();
  const admin =
    report.admin === 'setup-page' ? 'no users yet: open /setup to create the first admin' : `admin ${report.admin}`;
  console.log(`Database ready (${report.kind}; demo data ${report.demo}; ${admin}) in ${Date.now() - started} ms.`);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `Uplift cannot start: ${err.message}` : err);
  process.exit(1);
});
