/**
 * The scheduler each app server starts (instrumentation.ts): once a minute it offers every scheduled job its
 * current slot; the lease lets one server run it. Off with UPLIFT_JOBS=off.
 */
import type { Queryable } from '@/db/types';
import { listJobs, type Env } from './registry';
import { runJob } from './runner';

export function startScheduler(getDb: () => Promise<Queryable>, env: Env = process.env, everyMs = 60_000): () => void {
  let stopped = false;
  let busy = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const db = await getDb();
      for (const job of listJobs()) {
        if (stopped) break;
        if (job.schedule(env) === 'off') continue;
        const r = await runJob(db, job.name, 'schedule', { env });
        if (r.ran && r.outcome === 'failed') console.error(`The scheduled job ${job.name} failed: ${r.error}`);
      }
    } catch (err) {
      console.error(`The job scheduler could not run: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      busy = false;
    }
  };
  const first = setTimeout(tick, Math.min(everyMs, 30_000));
  const timer = setInterval(tick, everyMs);
  first.unref();
  timer.unref();
  return () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
  };
}
