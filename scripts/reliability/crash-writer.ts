// Child process of crash.ts: writes one team + its audit entry per transaction, the app's own
// query code, and prints "ack <n>" only after each commit returned. Killed with SIGKILL mid-stream.
import { connectPglite, connectPostgres } from '@/db/connect';
import { acquireLock } from '@/db/lock';
import { createTeam } from '@/db/queries/people/teams';
import type { Db } from '@/db/types';

async function main() {
  const [kind, target] = process.argv.slice(2);
  let db: Db;
  if (kind === 'pglite') {
    await acquireLock(target);
    db = (await connectPglite(target)).db;
  } else {
    db = connectPostgres(target, { max: 4 }).db;
  }
  const actor = { id: 'crash-test', email: 'crash@test' };
  process.stdout.write('ready\n');
  // Several writers at once, like concurrent requests, so the kill lands mid-transaction.
  let next = 0;
  const writer = async () => {
    for (;;) {
      const n = next++;
      await db.transaction((tx) => createTeam(tx, actor, { name: `crash-${n}`, function: 'reliability' }));
      process.stdout.write(`ack ${n}\n`);
    }
  };
  await Promise.all(Array.from({ length: 4 }, writer));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
