import fs from 'node:fs';
import path from 'node:path';

/**
 * The data folder holds password hashes, the signing secret and every experiment: only the account
 * that runs Uplift may read it. Folders 0700, files 0600. New folders follow the umask set here; PGlite
 * writes its files 0666 whatever the umask, so the whole tree is fixed after it opens and when it closes.
 */
export function makePrivate(root: string): number {
  let changed = 0;
  const visit = (p: string) => {
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) return; // vanished meanwhile (a WAL segment recycled) or not ours to change
    const want = st.isDirectory() ? 0o700 : 0o600;
    if ((st.mode & 0o777) !== want) {
      try {
        fs.chmodSync(p, want);
        changed++;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(root);
  return changed;
}

/** New files and folders of this process (and the server it starts) are private from now on. */
export function privateUmask(): void {
  process.umask(0o077);
}
