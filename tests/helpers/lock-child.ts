// Child process of tests/data-lock.test.ts. `server <dir>`: starts like the Next server does
// (instrumentation.ts → openAtServerStart) on the embedded database in <dir>, says "serving" and stays.
// `write <dir>`: prepares the database as npm start does, starts like the server, writes a team, says "serving".
// `hold <dir> <staleMs>`: only takes the folder's lock, says "holding" and stays.
import { getDb } from '@/db';
import { acquireLock } from '@/db/lock';
import { prepareConfiguredDatabase } from '@/db/prepare';
import { teams } from '@/db/schema';
import { openAtServerStart } from '@/db/server-start';

async function main() {
  const [mode, dir, staleMs] = process.argv.slice(2);
  if (mode === 'server' || mode === 'write') {
    process.env.UPLIFT_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    if (mode === 'write') {
      process.env.UPLIFT_DEMO = '0';
      await prepareConfiguredDatabase();
    }
    await openAtServerStart();
    if (mode === 'write') await (await getDb()).insert(teams).values({ name: 'Written before the signal', function: 'ops' });
    console.log('serving');
  } else {
    await acquireLock(dir, { staleMs: Number(staleMs) });
    console.log('holding');
  }
  setInterval(() => {}, 1000); // stay alive like a server
}

main();
