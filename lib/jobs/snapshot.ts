/**
 * The embedded database's snapshot as a job (issue 20 §2): the runner gives it at most one run per hourly slot,
 * a line in the job history and `npm run jobs -- snapshot`; the run writes one when UPLIFT_SNAPSHOT_HOURS have
 * passed since the newest (db/snapshots.ts), and always when somebody asks. PostgreSQL has its own backups.
 */
import path from 'node:path';
import { databaseKind, dataDir, type DatabaseKind } from '@/db/config';
import { newestSnapshot, snapshotDue, snapshotFolder, snapshotSettings, snapshotTime } from '@/db/snapshots';
import type { Schedule } from './schedule';

type Env = Record<string, string | undefined>;
type Ctx = { env: Env; trigger?: 'schedule' | 'command' | 'admin'; now?: Date };
export type SnapshotDeps = { kind: () => DatabaseKind; dataDir: () => string; write: (now: Date, kept: number) => Promise<string> };

/** The running process's own embedded database (the server's, or the command's when no server runs). */
const processDeps: SnapshotDeps = {
  kind: databaseKind,
  dataDir,
  write: async (now, kept) => {
    const { getHandle } = await import('@/db');
    const handle = await getHandle();
    if (!handle.snapshot) throw new Error('This process has no embedded database to snapshot.');
    return handle.snapshot(now, kept);
  },
};

export function makeSnapshotJob(deps: SnapshotDeps) {
  return {
    schedule: (env: Env): Schedule => (deps.kind() === 'pglite' && snapshotSettings(env).everyHours > 0 ? 'hourly' : 'off'),
    run: async ({ env, trigger = 'schedule', now = new Date() }: Ctx): Promise<string | null> => {
      if (deps.kind() !== 'pglite') return trigger === 'schedule' ? null : 'PostgreSQL: nothing to snapshot (back it up with pg_dump or your provider; /admin has the app backup).';
      const settings = snapshotSettings(env);
      const dir = deps.dataDir();
      if (trigger === 'schedule') {
        const newest = newestSnapshot(dir);
        // Not due yet: no line in the history (the job is offered every hour).
        if (!snapshotDue(newest ? snapshotTime(path.basename(newest)) : undefined, now, settings.everyHours)) return null;
      }
      const file = await deps.write(now, settings.kept);
      return `Wrote ${path.basename(file)} to ${snapshotFolder(dir)}; the newest ${settings.kept} are kept.`;
    },
  };
}

export const snapshotJob = makeSnapshotJob(processDeps);
