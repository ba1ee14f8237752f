// Child process of tests/data-lock.test.ts. `server <dir>`: starts like the Next server does
// (instrumentation.ts → openAtServerStart) on the embedded database in <dir>, says "serving" and stays.
// `hold <dir> <staleMs>`: only takes the folder's lock, says "holding" and stays.
import { acquireLock } from '@/db/lock';
import { openAtServerStart } from '@/db/server-start';

async function main() {
  const [mode, dir, staleMs] = process.argv.slice(2);
  if (mode === 'server') {
    process.env.UPLIFT_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
    await openAtServerStart();
    console.log('serving');
  } else {
    await acquireLock(dir, { staleMs: Number(staleMs) });
    console.log('holding');
  }
  setInterval(() => {}, 1000); // stay alive like a server
}

main();
