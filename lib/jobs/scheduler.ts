/**
 * The scheduler each app server starts (instrumentation.ts): once a minute it offers every scheduled job its
 * current slot; the lease lets one server run it. Each job runs on its own, so a long catalog sync never holds
 * back the delivery job (whose retries are due 1, 5, 30 and 120 minutes after a failure). Off with UPLIFT_JOBS=off.
 */
import type { Queryable } from '@/db/types';
import { listJobs, type Env } from './registry';
import { runJob } from './runner';
import { TICK_MS } from './schedule';

export function startScheduler(getDb: () => Promise<Queryable>, env: Env = process.env, everyMs = TICK_MS): () => void {
  let stopped = false;
  const busy = new Set<string>();
  const runOne = async (name: string) => {
    busy.add(name);
    try {
      const r = await runJob(await getDb(), name, 'schedule', { env });
      if (r.ran && r.outcome === 'failed') console.error(`The scheduled job ${name} failed: ${r.error}`);
    } catch (err) {
      console.error(`The job scheduler could not run ${name}: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      busy.delete(name);
    }
  };
  const tick = () => {
    if (stopped) return;
    for (const job of listJobs()) {
      if (busy.has(job.name)) continue;
      try {
        if (job.schedule(env) === 'off') continue;
      } catch {
        continue; // checked at start (server-start.ts)
      }
      void runOne(job.name);
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
