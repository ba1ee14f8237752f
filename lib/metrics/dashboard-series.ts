import { formatterFor, type Formatter } from '@/lib/format';

const ENGLISH = formatterFor('en');
/**
 * Shapes aggregated rows into chart rows (one row per category, one value per series), with the
 * drill-down link and the "N outcomes in M experiments" note of every cell. Pure: charts stay dumb.
 */
export type ValueFormat = 'count' | 'hours' | 'cents' | 'score';

export type ChartRow = {
  label: string;
  values: Record<string, number>;
  hrefs: Record<string, string>;
  notes?: Record<string, string>;
};

export type SeriesDef = { key: string; label: string; color: string };

/** Pivot (category, series, value) rows onto a fixed category axis; missing cells are 0. */
export function pivot<R>(
  categories: { key: string; label: string }[],
  series: readonly string[],
  rows: R[],
  pick: (r: R) => { category: string; series: string; value: number; note?: string },
  href: (category: string, series: string) => string,
): ChartRow[] {
  const byCat = new Map(categories.map((c) => [c.key, { label: c.label, values: {} as Record<string, number>, hrefs: {} as Record<string, string>, notes: {} as Record<string, string> }]));
  for (const c of categories) {
    const row = byCat.get(c.key)!;
    for (const s of series) {
      row.values[s] = 0;
      row.hrefs[s] = href(c.key, s);
    }
  }
  for (const r of rows) {
    const p = pick(r);
    const row = byCat.get(p.category);
    if (!row || !(p.series in row.values)) continue;
    row.values[p.series] += p.value;
    if (p.note) row.notes[p.series] = p.note;
  }
  return [...byCat.values()];
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "3 outcomes in 2 experiments": what a bar counting outcomes holds, and what its drill-down lists. */
export const outcomesNote = (outcomes: number, experiments: number) =>
  `${plural(outcomes, 'outcome')} in ${plural(experiments, 'experiment')}`;

/** `currency` is the organisation's (org_settings.currency); only 'cents' uses it. `f` writes numbers in the reader's language. */
export function formatValue(v: number, format: ValueFormat, currency: string, f: Formatter = ENGLISH): string {
  switch (format) {
    case 'cents':
      return f.formatMoneyCents(v, currency);
    case 'hours':
      return f.formatHoursShort(v);
    case 'score':
      return v.toFixed(1);
    default:
      return f.formatNumber(Math.round(v));
  }
}

/** Sum of every cell: an empty chart (nothing in the filter) shows its empty state instead. */
export const chartTotal = (rows: ChartRow[]) => rows.reduce((t, r) => t + Object.values(r.values).reduce((a, b) => a + b, 0), 0);
