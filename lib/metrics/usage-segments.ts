import { addDays, type Period } from './period';
import { weekStart } from './usage-buckets';

/**
 * The segments usage_rollup adds days up by (db/derived/usage-rollup.sql): the days one ISO week and one calendar
 * month share. Every week and every month is a whole number of segments, so a period reads whole segments from the
 * rollup and only its ragged ends (at most six days each) from usage_daily. Pure.
 */
const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => addDays(monthStart(addDays(monthStart(day), 31)), -1);

export const segmentStart = (day: string) => {
  const w = weekStart(day);
  const m = monthStart(day);
  return w > m ? w : m;
};

export const segmentEnd = (day: string) => {
  const w = addDays(weekStart(day), 6);
  const m = monthEnd(day);
  return w < m ? w : m;
};

/**
 * How a period splits: `whole`, the segments entirely inside it (first segment's first day to last segment's last
 * day), or null; `edges`, the day ranges outside them, read raw. `dataEnd` is the last day any usage row has: when
 * the period ends on or after it (a period ending today), the segment holding its last day has no later rows, so it
 * counts as whole.
 */
export function splitPeriod(p: Period, dataEnd: string | null): { whole: Period | null; edges: Period[] } {
  const to = dataEnd != null && dataEnd <= p.to ? segmentEnd(p.to) : p.to;
  const a = segmentStart(p.from) === p.from ? p.from : addDays(segmentEnd(p.from), 1);
  const b = segmentEnd(to) === to ? to : addDays(segmentStart(to), -1);
  if (a > b) return { whole: null, edges: [p] };
  const edges: Period[] = [];
  if (p.from < a) edges.push({ from: p.from, to: addDays(a, -1) });
  if (b < p.to) edges.push({ from: addDays(b, 1), to: p.to });
  return { whole: { from: a, to: b }, edges };
}
