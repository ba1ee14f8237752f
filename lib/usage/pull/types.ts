import type { UsageRecord } from '@/lib/usage/record';
import type { HttpOptions } from './http';
import type { DayWindow } from './window';

/** What a pull client needs of a connection: where, whose organisation, and the opened credential. */
export type PullTarget = { baseUrl: string; organization: string; credential: string };

/**
 * What a pull client read. `completeThrough` is the last day of the window it read completely (null when none):
 * only records up to it are imported and last_imported_date moves to it. `error` says why it stopped early, when
 * it kept the complete days before the failure.
 */
export type PullResult = { records: UsageRecord[]; completeThrough: string | null; requests: number; error?: string };

export type PullClient = {
  /** The days a first pull reaches back. */
  firstDays: number;
  pull: (target: PullTarget, window: DayWindow, http: HttpOptions) => Promise<PullResult>;
};
