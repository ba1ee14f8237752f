/**
 * When a job runs: a slot names one run (a UTC day, an ISO week); the runner lets each slot run once across every
 * app server. Pure.
 */
import { ConfigError } from '@/db/config';
import { isoWeek } from '@/lib/metrics/iso-week';

/**
 * What an environment variable may set; `minutely` is the delivery job's own (retries are due 1 minute after a
 * failure), `hourly` the snapshot's (it decides itself whether its UPLIFT_SNAPSHOT_HOURS have passed).
 */
export const SCHEDULES = ['off', 'daily', 'weekly'] as const;
export type Schedule = (typeof SCHEDULES)[number] | 'minutely' | 'hourly';

/** How often each app server's scheduler offers every job its slot (lib/jobs/scheduler.ts). */
export const TICK_MS = 60_000;

/**
 * The slot `now` falls in, or null when the job is off. Minutely slots are UTC minutes, hourly ones UTC hours, daily ones UTC days, weekly
 * ones ISO weeks (Monday to Sunday, UTC).
 */
export function slotFor(schedule: Schedule, now: Date): string | null {
  if (schedule === 'off') return null;
  if (schedule === 'minutely') return now.toISOString().slice(0, 16);
  if (schedule === 'hourly') return now.toISOString().slice(0, 13);
  if (schedule === 'daily') return now.toISOString().slice(0, 10);
  return isoWeek(now);
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

/**
 * When a job on a minutely schedule first runs at or after `due`, with ticks every `everyMs` from `firstTick`: the
 * first tick not before `due`. A delivery retry due at `due` therefore goes out less than one tick late.
 */
export function firstTickAtOrAfter(due: Date, firstTick: Date, everyMs: number = TICK_MS): Date {
  if (due <= firstTick) return firstTick;
  const n = Math.ceil((due.getTime() - firstTick.getTime()) / everyMs);
  return new Date(firstTick.getTime() + n * everyMs);
}
