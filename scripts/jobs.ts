// `npm run jobs -- <name>`: runs one background job now (for tests, and for people who prefer cron). See lib/jobs/command.ts.
import { closeDb, databaseKind, getDb } from '@/db';
import { ConfigError } from '@/db/config';
import { authSecret } from '@/lib/auth/secret';
import { describeOutcome, runCommand } from '@/lib/jobs/command';
import { listJobs } from '@/lib/jobs/registry';
import { runJob } from '@/lib/jobs/runner';

async function main() {
  const name = process.argv[2];
  if (!name) {
    console.log(`Usage: npm run jobs -- <name>\nJobs: ${listJobs().map((j) => `\n  ${j.name}: ${j.description}`).join('')}`);
    process.exit(2);
  }
  try {
    const outcome = await runCommand(name, {
      kind: databaseKind(),
      serverUrl: process.env.UPLIFT_SERVER_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`,
      secret: () => authSecret(),
      runHere: async () => runJob(await getDb(), name, 'command'),
    });
    const { line, code } = describeOutcome(name, outcome);
    console.log(line);
    await closeDb();
    process.exit(code);
  } catch (err) {
    console.error(`The job could not run: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}`);
    await closeDb().catch(() => {});
    process.exit(1);
  }
}

void main();
