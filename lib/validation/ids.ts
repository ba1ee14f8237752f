import { z } from 'zod';

/**
 * Row ids and versions are PostgreSQL `integer`s: a number beyond 2^31 − 1 names no row, and sent to the
 * database it fails the query (22003) instead of finding nothing. Every id or version from a form, a
 * route parameter or a URL goes through these, so it is refused (or, in a URL filter, ignored) first.
 */
export const MAX_ID = 2_147_483_647;

/** A positive integer that fits an id column. */
export const isId = (n: number): boolean => Number.isInteger(n) && n > 0 && n <= MAX_ID;

/** An id from a form or route (string digits or a number): positive, whole and within the column's range. */
export const idSchema = z.coerce.number().int().positive().max(MAX_ID);

/** The row version a form was loaded with (experiments.version starts at 1). */
export const versionSchema = z.coerce.number().int().min(1).max(MAX_ID);

/** A form field holding an id, or nothing: digits only, else null (callers say what a missing id means). */
export function optionalIdOf(value: string | undefined): number | null | 'invalid' {
  if (!value) return null;
  if (!/^\d+$/.test(value)) return 'invalid';
  const n = Number(value);
  return isId(n) ? n : 'invalid';
}
