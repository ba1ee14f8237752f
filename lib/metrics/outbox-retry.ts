/**
 * When a failed delivery is tried again (issue 20 §5): after 1, 5, 30 and 120 minutes; the fifth failure is final
 * (the message lands on the dead-letter list). Pure.
 */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/** After `attempts` failed attempts: the time of the next try, or null when the message is dead. */
export function nextAttempt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + RETRY_DELAYS_MINUTES[Math.max(0, attempts - 1)] * 60_000);
}

/** How long a claimed message stays invisible to other senders while one sends it. */
export const CLAIM_MINUTES = 10;
