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
import { publicUrl } from '@/lib/auth/secret';
import { deliverOutbox } from '@/lib/mail/deliver';
import { queueAlertEmails } from '@/lib/mail/queue-alerts';
import { mailConfigured, smtpSender } from '@/lib/mail/transport';
import { usagePullJob } from '@/lib/usage/pull/service';
import { applyUsageRetention } from '@/db/queries/usage/retention';

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
  description:
    'Finds the alert events of today (re-test candidates, price moves, privacy flags, retiring models, missing check-ins), writes each once per recipient, queues the emails and sends what is due.',
  schedule: (env) => readSchedule('UPLIFT_ALERTS', env),
  run: async ({ db, env }) => {
    const r = await evaluateAlerts(db, todayIn(), { dropPercent: priceDropPercent(env) });
    if (!mailConfigured(env)) return `${r.created} new alert(s) (${r.candidates - r.created} already there); email off (UPLIFT_SMTP_URL unset).`;
    const queued = await queueAlertEmails(db, r.createdIds, env.BETTER_AUTH_URL ?? publicUrl());
    const d = await deliverOutbox(db, smtpSender(env));
    return `${r.created} new alert(s), ${queued} email(s) queued; sent ${d.sent}, retrying ${d.retrying}, dead ${d.dead}.`;
  },
});

registerJob({
  name: 'deliver',
  description: 'Sends the due messages of the outbox (retries with backoff after 1, 5, 30 and 120 minutes, then the dead-letter list on /admin).',
  schedule: (env) => readSchedule('UPLIFT_ALERTS', env),
  run: async ({ db, env }) => {
    if (!mailConfigured(env)) return 'Email off (UPLIFT_SMTP_URL unset).';
    const d = await deliverOutbox(db, smtpSender(env));
    return `Sent ${d.sent}, retrying ${d.retrying}, dead ${d.dead}.`;
  },
});

registerJob({
  name: 'usage-pull',
  description:
    "Pulls each usage connection's days since its last complete day (Copilot, OpenAI, Anthropic, LiteLLM) into the usage data; a failing connection keeps its error on /admin/usage and the others still run.",
  // Daily unless UPLIFT_USAGE_PULL says otherwise: an admin who connects a source expects it pulled without more setup.
  schedule: (env) => readSchedule('UPLIFT_USAGE_PULL', { UPLIFT_USAGE_PULL: env.UPLIFT_USAGE_PULL ?? 'daily' }),
  run: ({ db }) => usagePullJob(db),
});

registerJob({
  name: 'usage-retention',
  description: 'Deletes imported usage rows older than the retention the admin set on /admin/usage (none set: usage is kept forever).',
  // Daily unless UPLIFT_USAGE_RETENTION says otherwise: with no retention set it deletes nothing.
  schedule: (env) => (env.UPLIFT_USAGE_RETENTION ? readSchedule('UPLIFT_USAGE_RETENTION', env) : 'daily'),
  run: async ({ db }) => {
    const r = await applyUsageRetention(db, new Date().toISOString().slice(0, 10));
    if (r.days === null) return 'Usage is kept forever (no retention set); nothing deleted.';
    return `Kept ${r.days} days of usage: deleted ${r.deleted} row(s) before ${r.cutoff}.`;
  },
});
