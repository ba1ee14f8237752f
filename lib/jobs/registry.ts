/**
 * The jobs the runner knows. Each names its schedule (read from the environment when the scheduler ticks) and
 * does its work, returning one line for the job history. Later jobs (alerts, the digest, usage pulls) register
 * here the same way.
 */
import type { Queryable } from '@/db/types';
import { catalogSyncJob } from '@/lib/catalog-sync/service';
import { readSchedule, type Schedule } from './schedule';
import { evaluateAlerts } from '@/db/queries/alerts/evaluate';
import { priceDropPercent } from '@/lib/metrics/alert-events';
import { todayIn } from '@/lib/metrics/today';

export type Env = Record<string, string | undefined>;
export type JobContext = { db: Queryable; env: Env };
export type JobDefinition = {
  name: string;
  description: string;
  schedule: (env: Env) => Schedule;
  run: (ctx: JobContext) => Promise<string>;
};

const jobs = new Map<string, JobDefinition>();

export function registerJob(def: JobDefinition): void {
  jobs.set(def.name, def);
}

export const getJob = (name: string) => jobs.get(name);
export const listJobs = () => [...jobs.values()];

registerJob({
  name: 'catalog-sync',
  description: "Downloads models.dev's api.json and Epoch AI's benchmark data and leaves each diff for an admin to apply.",
  schedule: (env) => readSchedule('UPLIFT_CATALOG_SYNC', env),
  run: ({ db, env }) => catalogSyncJob(db, env),
});

registerJob({
  name: 'alerts',
  description: 'Finds the alert events of today (re-test candidates, price moves, privacy flags, retiring models, missing check-ins) and writes each once per recipient.',
  schedule: (env) => readSchedule('UPLIFT_ALERTS', env),
  run: async ({ db, env }) => {
    const r = await evaluateAlerts(db, todayIn(), { dropPercent: priceDropPercent(env) });
    return `${r.created} new alert(s) (${r.candidates - r.created} already sent).`;
  },
});
