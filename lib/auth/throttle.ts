/** Sign-in throttling rules (README "Security"). */
export const THROTTLE = {
  windowMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
} as const;

export type ThrottleCounts = { accountFailures: number; addressFailures: number; oldestAccountFailure?: Date | null };

export function isThrottled(c: ThrottleCounts): boolean {
  return c.accountFailures >= THROTTLE.maxFailuresPerAccount || c.addressFailures >= THROTTLE.maxFailuresPerAddress;
}

/** Minutes until the oldest failure in the window leaves it (at least 1). */
export function minutesUntilRetry(oldest: Date | null | undefined, now = new Date()): number {
  if (!oldest) return THROTTLE.windowMinutes;
  const ms = oldest.getTime() + THROTTLE.windowMinutes * 60_000 - now.getTime();
  return Math.max(1, Math.ceil(ms / 60_000));
}
