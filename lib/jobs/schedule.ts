/**
 * When a job runs: a slot names one run (a UTC day, an ISO week); the runner lets each slot run once across every
 * app server. Pure.
 */
import { ConfigError } from '@/db/config';

export const SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number];

/** The slot `now` falls in, or null when the job is off. Weekly slots are ISO weeks (Monday to Sunday, UTC). */
export function slotFor(schedule: Schedule, now: Date): string | null {
  if (schedule === 'off') return null;
  if (schedule === 'daily') return now.toISOString().slice(0, 10);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** A schedule from the environment; anything else stops the server with one sentence. */
export function readSchedule(name: string, env: Record<string, string | undefined> = process.env): Schedule {
  const raw = (env[name] ?? '').trim().toLowerCase() || 'off';
  if (!(SCHEDULES as readonly string[]).includes(raw)) throw new ConfigError(`${name} must be off, daily or weekly (it is "${env[name]}").`);
  return raw as Schedule;
}

/** UPLIFT_JOBS=off stops the scheduler on this server (another server, or cron with `npm run jobs`, runs them). */
export function jobsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  const raw = (env.UPLIFT_JOBS ?? '').trim().toLowerCase();
  if (raw === '' || raw === 'on') return true;
  if (raw === 'off') return false;
  throw new ConfigError(`UPLIFT_JOBS must be on or off (it is "${env.UPLIFT_JOBS}").`);
}
