/**
 * Throttling of sign-ins and password changes (README "Security"). Failures are counted per
 * (account, client) and per client; an account-wide count only slows untrusted clients down, so
 * nobody's failures can refuse the owner's right password from a client that has not been failing.
 */
export const THROTTLE = {
  windowMinutes: 15,
  /** Failures of one client on one account (or of one user changing their password) before it is refused. */
  maxFailuresPerAccountClient: 5,
  /** Failures of one client (address or device) across all accounts before it is refused. */
  maxFailuresPerClient: 20,
  /** Failures on an account, from any client, after which untrusted clients wait before each check. */
  delayAfterAccountFailures: 5,
  firstDelayMs: 500,
  maxDelayMs: 8_000,
  /** Attempts older than this are pruned. */
  keepHours: 24,
} as const;

/** Failures (wrong or still being checked) within the window, not counting the attempt at hand. */
export type PriorFailures = {
  /** This client on this account. */
  accountClient: number;
  /** This client on every account (0 when the client has no identity of its own). */
  client: number;
  /** Every client on this account. */
  account: number;
  /** Seconds until the oldest failure of the refusing count leaves the window. */
  accountClientRetrySeconds: number;
  clientRetrySeconds: number;
};

export type Verdict = { refuse: true; retryAfterSeconds: number } | { refuse: false; delayMs: number };

/**
 * `trustedDevice`: the request carries a valid device cookie for this account, i.e. this browser
 * signed in to it before. It is still refused after its own failures, but never waits for others'.
 */
export function signInVerdict(prior: PriorFailures, { trustedDevice }: { trustedDevice: boolean }): Verdict {
  if (prior.accountClient >= THROTTLE.maxFailuresPerAccountClient) return { refuse: true, retryAfterSeconds: prior.accountClientRetrySeconds };
  if (prior.client >= THROTTLE.maxFailuresPerClient) return { refuse: true, retryAfterSeconds: prior.clientRetrySeconds };
  return { refuse: false, delayMs: trustedDevice ? 0 : accountDelayMs(prior.account) };
}

/** Password changes are counted per user (the client is always "user"). */
export function passwordChangeVerdict(prior: PriorFailures): Verdict {
  if (prior.accountClient >= THROTTLE.maxFailuresPerAccountClient) return { refuse: true, retryAfterSeconds: prior.accountClientRetrySeconds };
  return { refuse: false, delayMs: 0 };
}

/** 0 below the threshold, then 0.5 s, 1 s, 2 s, 4 s, 8 s, 8 s… */
export function accountDelayMs(accountFailures: number): number {
  const over = accountFailures - THROTTLE.delayAfterAccountFailures;
  if (over < 0) return 0;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.firstDelayMs * 2 ** Math.min(over, 20));
}

export function minutesToWait(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

export function tooManyMessage(what: string, retryAfterSeconds: number): string {
  const minutes = minutesToWait(retryAfterSeconds);
  return `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
