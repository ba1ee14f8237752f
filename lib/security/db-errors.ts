/**
 * The SQLSTATE of a database error, however the driver and drizzle wrap it (drizzle's
 * DrizzleQueryError carries the driver's error as `cause`; postgres.js and PGlite both set `code`).
 */
export function sqlStateOf(err: unknown): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** A unique-constraint violation (23505): the loser of a race between two identical creations gets a message, not a 500. */
export function isUniqueViolation(err: unknown): boolean {
  return sqlStateOf(err) === '23505';
}

/**
 * A deadlock (40P01) or serialization failure (40001): PostgreSQL rolled the whole transaction back,
 * so running it again from the start is safe and usually succeeds.
 */
export function isTransientTransactionError(err: unknown): boolean {
  const state = sqlStateOf(err);
  return state === '40P01' || state === '40001';
}
