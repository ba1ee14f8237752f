import { addDays, type Period } from './period';
import { weekStart, type UsageGranularity } from './usage-buckets';

/**
 * The segments usage_rollup adds days up by (db/derived/usage-rollup.sql): the days one ISO week and one calendar
 * month share. Every week and every month is a whole number of segments, so a period reads whole segments from the
 * rollup and only its ragged ends (at most six days each) from usage_daily. usage_rollup_month adds whole months
 * up, so a long period reads its whole months there and only its partial months' segments and days below. Pure.
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
 * The whole units of `p` at one level (unit start and end of a day), and the ranges outside them. `dataEnd` is the
 * last day any usage row has: when the period ends on or after it (a period ending today), the unit holding its last
 * day has no later rows, so it counts as whole.
 */
function split(p: Period, dataEnd: string | null, start: (d: string) => string, end: (d: string) => string): { whole: Period | null; edges: Period[] } {
  const to = dataEnd != null && dataEnd <= p.to ? end(p.to) : p.to;
  const a = start(p.from) === p.from ? p.from : addDays(end(p.from), 1);
  const b = end(to) === to ? to : addDays(start(to), -1);
  if (a > b) return { whole: null, edges: [p] };
  const edges: Period[] = [];
  if (p.from < a) edges.push({ from: p.from, to: addDays(a, -1) });
  if (b < p.to) edges.push({ from: addDays(b, 1), to: p.to });
  return { whole: { from: a, to: b }, edges };
}

/**
 * How a period splits into segments: `whole`, the segments entirely inside it (first segment's first day to last
 * segment's last day), or null; `edges`, the day ranges outside them, read raw.
 */
export const splitPeriod = (p: Period, dataEnd: string | null) => split(p, dataEnd, segmentStart, segmentEnd);

/** What a period reads at each level: whole months, whole segments (ranges), raw days (ranges), in date order. */
export type UsageSplit = { months: Period | null; segments: Period[]; days: Period[] };

/**
 * The split for a reader grouping by `grain` at its finest: by week, a month would cut a week, so only segments and
 * days; by month, the whole months first, then the partial months before and after them split into segments.
 * A month ends a segment, so each partial stretch has raw days at its outer end only.
 */
export function splitUsagePeriod(p: Period, dataEnd: string | null, grain: UsageGranularity): UsageSplit {
  const months = grain === 'month' ? split(p, dataEnd, monthStart, monthEnd) : { whole: null, edges: [p] };
  const out: UsageSplit = { months: months.whole, segments: [], days: [] };
  for (const part of months.edges) {
    const { whole, edges } = splitPeriod(part, dataEnd);
    if (whole) out.segments.push(whole);
    out.days.push(...edges);
  }
  return out;
}
