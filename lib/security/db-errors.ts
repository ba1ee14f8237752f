/**
 * A unique-constraint violation (SQLSTATE 23505), however the driver and drizzle wrap it: the
 * loser of a race between two identical creations gets a message, not a 500.
 */
export function isUniqueViolation(err: unknown): boolean {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (e.code === '23505') return true;
    e = e.cause as typeof e;
  }
  return false;
}
