import type { AlertMessage } from './alert-text';

/**
 * The five alert events of issue 20 §3, their labels and what each means (shown on the preferences page and
 * in the README). The database check constraints list the same keys (db/schema/alerts.ts).
 */
export const ALERT_EVENTS = ['retest', 'price', 'privacy', 'retirement', 'stale'] as const;
export type AlertEvent = (typeof ALERT_EVENTS)[number];

export const DELIVERIES = ['immediate', 'digest'] as const;
export type Delivery = (typeof DELIVERIES)[number];

export const ALERT_LABELS: Record<AlertEvent, { label: string; meaning: string }> = {
  retest: { label: 'Re-test candidate', meaning: 'The re-test radar found a model that may clear the bar of a blocked experiment (to its owner and the team’s lead).' },
  price: {
    label: 'Price move',
    meaning: 'A model your team uses got cheaper, or a rival scoring as high on the experiment’s benchmark costs half or less (to the team’s lead).',
  },
  privacy: { label: 'Privacy flag', meaning: 'An experiment of your team sends sensitive data to a model that may train on it (to the team’s lead and admins).' },
  retirement: { label: 'Model retiring', meaning: 'A model used by a running experiment is retired within 60 days (to the experiment’s owner).' },
  stale: { label: 'No check-in', meaning: 'A running experiment has had no check-in for 30 days (to its owner).' },
};

/** Default threshold of the "got cheaper" alert, in percent; UPLIFT_ALERT_PRICE_DROP_PERCENT overrides it. */
export const DEFAULT_PRICE_DROP_PERCENT = 20;
export const RETIREMENT_WINDOW_DAYS = 60;
export const STALE_AFTER_DAYS = 30;

export function priceDropPercent(env: Record<string, string | undefined> = process.env): number {
  const raw = env.UPLIFT_ALERT_PRICE_DROP_PERCENT;
  const n = raw == null || raw === '' ? DEFAULT_PRICE_DROP_PERCENT : Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n >= 100) throw new Error(`UPLIFT_ALERT_PRICE_DROP_PERCENT must be a number between 0 and 100 (got "${raw}").`);
  return n;
}

/** Whether a price step from `before` to `after` is a drop of at least `percent` %. */
export function isPriceDrop(before: number, after: number, percent: number): boolean {
  return before > 0 && after <= before * (1 - percent / 100) + 1e-9;
}

/**
 * One occurrence of an event for its recipients; `key` is the same for every evaluation that sees it. `message` is
 * what happened as data, rendered in each reader's language (alert-text.ts); `title` and `body` are its English.
 * `body` speaks to a recipient ("your running experiment"); `readerBody`, when the wording differs, to anyone else
 * who reads it (an executive or admin reading the organisation's digest).
 */
export type AlertCandidate = {
  event: AlertEvent;
  key: string;
  recipients: string[];
  message: AlertMessage;
  title: string;
  body: string;
  readerBody?: string;
  link: string;
};

/** The body of an alert as `personId` reads it: as a recipient, or as someone it does not concern directly. */
export const bodyFor = (c: Pick<AlertCandidate, 'recipients' | 'body' | 'readerBody'>, personId: string) =>
  c.recipients.includes(personId) ? c.body : (c.readerBody ?? c.body);
