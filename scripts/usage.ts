// `npm run usage -- import <source> <file>`: imports a usage file or API page (see lib/usage/command.ts for where it runs).
import fs from 'node:fs';
import path from 'node:path';
import { closeDb, databaseKind, getDb } from '@/db';
import { ConfigError } from '@/db/config';
import { describeImport, importUsage } from '@/db/queries/usage/import';
import { USAGE_SOURCES, type UsageSource } from '@/db/schema/usage';
import { authSecret } from '@/lib/auth/secret';
import { runUsageImport } from '@/lib/usage/command';
import { usageRecordsFrom } from '@/lib/usage/read-stream';

const USAGE = `Usage: npm run usage -- import <source> <file>\nSources: ${USAGE_SOURCES.join(', ')} (csv header: date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users)`;

async function main() {
  const [verb, source, file] = process.argv.slice(2);
  if (verb !== 'import' || !source || !file) {
    console.log(USAGE);
    process.exit(2);
  }
  if (!(USAGE_SOURCES as readonly string[]).includes(source)) {
    console.error(`Unknown source "${source}". ${USAGE}`);
    process.exit(2);
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No file at ${file}.`);
    process.exit(2);
  }
  try {
    const outcome = await runUsageImport(source, file, {
      kind: databaseKind(),
      serverUrl: process.env.UPLIFT_SERVER_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      secret: () => authSecret(),
      importHere: async () =>
        importUsage(await getDb(), { source: source as UsageSource, origin: 'command', fileName: path.basename(file), records: usageRecordsFrom(source as UsageSource, fs.createReadStream(file)), actor: null }),
    });
    const where = outcome.via === 'server' ? ' (imported by the server)' : '';
    const r = outcome.result;
    console.log(r.ok ? `${describeImport(r)}${where}` : `Not imported${where}: ${r.message}`);
    await closeDb();
    process.exit(r.ok ? 0 : 1);
  } catch (err) {
    console.error(`The import could not run: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}`);
    await closeDb().catch(() => {});
    process.exit(1);
  }
}

void main();
