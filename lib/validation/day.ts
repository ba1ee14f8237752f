const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real calendar day written YYYY-MM-DD. `Date.parse` is not enough: it rolls 2024-02-30 over to
 * 1 March, and the database then refuses the text.
 */
export function isRealDay(text: string): boolean {
  const m = DAY.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
