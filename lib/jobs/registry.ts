/**
 * The jobs the runner knows. Each names its schedule (read from the environment when the scheduler ticks) and
 * does its work, returning one line for the job history. Later jobs (alerts, the digest, usage pulls) register
 * here the same way.
 */
import { getOrgCalendar } from '@/db/queries/admin/org-calendar';
import type { Queryable } from '@/db/types';
import { catalogSyncJob } from '@/lib/catalog-sync/service';
import { readSchedule, type Schedule } from './schedule';
import { evaluateAlerts } from '@/db/queries/alerts/evaluate';
import { priceDropPercent } from '@/lib/metrics/alert-events';
import { authSecret, publicUrl } from '@/lib/auth/secret';
import { queueDigests } from '@/lib/digest/send';
import { deliverOutbox, type DeliverResult, type Senders } from '@/lib/mail/deliver';
import { webhookPoster } from '@/lib/webhooks/post';
import { queueWebhookAlerts } from '@/lib/webhooks/queue';
import { queueAlertEmails } from '@/lib/mail/queue-alerts';
import { mailConfigured, smtpSender } from '@/lib/mail/transport';
import { usagePullJob } from '@/lib/usage/pull/service';
import { applyUsageRetention } from '@/db/queries/usage/retention';
import { smtpConfigProblem } from '@/lib/mail/smtp-config';
import { ConfigError } from '@/db/config';
import { snapshotJob } from './snapshot';

export type Env = Record<string, string | undefined>;
/** `trigger`: a scheduled run, or one somebody asked for (`npm run jobs`); `now`: the runner's clock. */
export type JobContext = { db: Queryable; env: Env; trigger?: 'schedule' | 'command' | 'admin'; now?: Date };
export type JobDefinition = {
  name: string;
  description: string;
  schedule: (env: Env) => Schedule;
  /** One line for the history; null when there was nothing to do (a scheduled run then leaves no line). */
  run: (ctx: JobContext) => Promise<string | null>;
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

/** Email can go out: UPLIFT_SMTP_URL is set and well-formed (a malformed one is reported at start and on /admin). */
const mailUsable = (env: Env) => mailConfigured(env) && !smtpConfigProblem(env);

/** The senders the deliver step has: email when it can go out (else it waits in the queue), webhooks always. */
function senders(env: Env): Senders {
  return { ...(mailUsable(env) ? { email: smtpSender(env) } : {}), webhook: webhookPoster(env) };
}

const noMail = (env: Env) => (mailConfigured(env) ? `email off: ${smtpConfigProblem(env)?.replace(/\.$/, '')}` : 'email off (UPLIFT_SMTP_URL unset)');

const deliveredLine = (d: DeliverResult) => `sent ${d.sent}, retrying ${d.retrying}, dead ${d.dead}`;

registerJob({
  name: 'alerts',
  description:
    'Finds the alert events of today (re-test candidates, price moves, privacy flags, retiring models, missing check-ins), writes each once per recipient, queues the emails and webhook messages and sends what is due.',
  schedule: (env) => readSchedule('UPLIFT_ALERTS', env),
  run: async ({ db, env }) => {
    const r = await evaluateAlerts(db, (await getOrgCalendar(db)).today, { dropPercent: priceDropPercent(env) });
    const baseUrl = env.BETTER_AUTH_URL ?? publicUrl();
    const hooks = await queueWebhookAlerts(db, r.createdIds, baseUrl);
    const mail = mailUsable(env) ? `${await queueAlertEmails(db, r.createdIds, baseUrl)} email(s)` : `no email (${noMail(env)})`;
    const d = await deliverOutbox(db, senders(env));
    return `${r.created} new alert(s) (${r.candidates - r.created} already there); queued ${mail} and ${hooks} webhook message(s); ${deliveredLine(d)}.`;
  },
});

registerJob({
  name: 'deliver',
  description:
    'Every minute: sends the due messages of the outbox, email and webhooks (retried 1, 5, 30 and 120 minutes after a failure, then the dead-letter list on /admin). A run with nothing to send leaves no line here.',
  schedule: () => 'minutely',
  run: async ({ db, env }) => {
    const d = await deliverOutbox(db, senders(env));
    const line = `${deliveredLine(d)[0].toUpperCase()}${deliveredLine(d).slice(1)}.`;
    return d.sent + d.retrying + d.dead ? `${line}${mailUsable(env) ? '' : ` Waiting: ${noMail(env)}.`}` : null;
  },
});

registerJob({
  name: 'digest',
  description:
    'Each week (UPLIFT_DIGEST=weekly): queues the weekly digest of everyone who gets it, once per person and week, and sends what is due.',
  schedule: (env) => readSchedule('UPLIFT_DIGEST', env),
  run: async ({ db, env }) => {
    if (mailConfigured(env) && smtpConfigProblem(env)) throw new ConfigError(smtpConfigProblem(env)!);
    if (!mailConfigured(env)) return 'Email off (UPLIFT_SMTP_URL unset): no digest sent; everyone can read theirs on /digest.';
    const q = await queueDigests(db, { today: (await getOrgCalendar(db)).today, baseUrl: env.BETTER_AUTH_URL ?? publicUrl(), secret: authSecret(), dropPercent: priceDropPercent(env) });
    const d = await deliverOutbox(db, senders(env));
    return `${q.queued} digest(s) queued for ${q.recipients} subscriber(s) (${q.recipients - q.queued} already queued this week); ${deliveredLine(d)}.`;
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

registerJob({
  name: 'snapshot',
  description:
    'Embedded database only: a whole copy of the data folder every UPLIFT_SNAPSHOT_HOURS hours (default 6; 0 turns it off), the newest UPLIFT_SNAPSHOTS_KEPT (default 7) kept; restore one with npm run restore-snapshot.',
  // Offered every hour; the run itself checks whether the interval since the newest snapshot has passed.
  schedule: (env) => snapshotJob.schedule(env),
  run: (ctx) => snapshotJob.run(ctx),
});
