// Child of tests/clean-shutdown.test.ts: opens the embedded database like the app, writes a row,
// says "ready", and waits for a signal (closeOnSignals must close and unlock).
import { connectPglite } from '@/db/connect';
import { acquireLock, closeOnSignals } from '@/db/lock';
import { prepareDatabase } from '@/db/prepare';
import { teams } from '@/db/schema';

async function main() {
  const dir = process.argv[2];
  await acquireLock(dir);
  const conn = await connectPglite(dir);
  closeOnSignals(dir, async () => {
    await conn.close();
    console.log('closed');
  });
  await prepareDatabase(conn.db, 'pglite', { demo: false });
  await conn.db.insert(teams).values({ name: 'Written before the signal', function: 'ops' });
  console.log('ready');
  setInterval(() => {}, 1000); // stay alive like a server
}

main();
