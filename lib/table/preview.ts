/** How many rows a long dashboard table shows before "Show all": a top ten, the rest one click away. */
export const PREVIEW_ROWS = 10;

/**
 * The rows a table shows: all of them once expanded, else the first `limit`. A table only a few rows longer than
 * the limit shows them all (hiding two rows behind a button saves nothing and costs a click).
 */
export function firstRows<T>(rows: readonly T[], limit: number, expanded: boolean): readonly T[] {
  if (expanded || rows.length <= limit + 2) return rows;
  return rows.slice(0, limit);
}
