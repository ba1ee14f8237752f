// The data folder is private: after start-up's preparation, a server's run, a
// pre-migration copy and a close, every folder in it is 0700 and every file 0600 (PGlite writes 0666).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/db';
import { backupBeforeMigration } from '@/db/migrate';
import { prepareConfiguredDatabase } from '@/db/prepare';
import { makePrivate } from '@/db/private-files';
import { teams } from '@/db/schema';
import { authSecret } from '@/lib/auth/secret';

const saved = { ...process.env };
const savedUmask = process.umask();
const dirs: string[] = [];
afterEach(() => {
  process.env = { ...saved };
  process.umask(savedUmask);
});
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Every entry whose mode is not the private one, as "mode path". */
function notPrivate(root: string): string[] {
  const out: string[] = [];
  const visit = (p: string) => {
    const st = fs.lstatSync(p);
    const mode = st.mode & 0o777;
    if (mode !== (st.isDirectory() ? 0o700 : 0o600)) out.push(`${mode.toString(8)} ${path.relative(root, p) || '.'}`);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) visit(path.join(p, n));
  };
  visit(root);
  return out;
}

function count(root: string): { files: number; dirs: number } {
  const c = { files: 0, dirs: 0 };
  const visit = (p: string) => {
    if (fs.statSync(p).isDirectory()) {
      c.dirs++;
      for (const n of fs.readdirSync(p)) visit(path.join(p, n));
    } else c.files++;
  };
  visit(root);
  return c;
}

describe('the data folder is private', () => {
  it('makePrivate sets folders 0700 and files 0600, whatever they were', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-private-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true, mode: 0o777 });
    fs.writeFileSync(path.join(root, 'a', 'b', 'f'), 'x', { mode: 0o666 });
    fs.chmodSync(path.join(root, 'a', 'b', 'f'), 0o666);
    fs.chmodSync(path.join(root, 'a'), 0o755);
    fs.writeFileSync(path.join(root, 'g'), 'y');
    fs.chmodSync(path.join(root, 'g'), 0o644);
    fs.chmodSync(root, 0o755);
    expect(makePrivate(root)).toBe(5);
    expect(notPrivate(root)).toEqual([]);
    expect(makePrivate(root)).toBe(0);
  });

  it('a real PGlite folder: after preparing, serving and writing, every file is 0600 and every folder 0700', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-private-'));
    dirs.push(root);
    fs.chmodSync(root, 0o755);
    process.env.UPLIFT_DATA_DIR = root;
    process.env.UPLIFT_DEMO = '0';
    delete process.env.DATABASE_URL;
    authSecret({ create: true });
    await prepareConfiguredDatabase();
    expect(notPrivate(root)).toEqual([]);
    const db = await getDb(); // opens it as the server does
    await db.insert(teams).values({ name: 'Private', function: 'ops' });
    await closeDb();
    const c = count(root);
    expect(c.files).toBeGreaterThan(900); // PGlite's own files are in it, not only ours
    expect(c.dirs).toBeGreaterThan(20);
    expect(notPrivate(root)).toEqual([]);
  }, 120_000);

  it('pre-migration copies are private', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'uplift-private-'));
    dirs.push(root);
    fs.chmodSync(root, 0o700);
    process.umask(0o022);
    fs.mkdirSync(path.join(root, 'backups'), { mode: 0o755 }); // as an older version made it
    const file = await backupBeforeMigration({ dumpDataDir: async () => new Blob(['x']) }, root);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(notPrivate(root)).toEqual([]);
  });
});
