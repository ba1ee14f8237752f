/**
 * Shapes the catalog into what each trends chart draws (charts never compute). Each model's dot uses
 * its launch price (the price in force on its release date); each year's frontier uses the prices in
 * force at the end of that year.
 */
import type { CatalogEntry } from './catalog';
import { GENERATIONS, phoneYears } from './compute';
import { frontierByYear, frontierStepLine, log10Ticks, yearTicks } from './frontier';
import { blendedAt } from './prices';

export type CapabilityDot = { slug: string; name: string; vendor: string; date: string; price: number; score: number; experiments: number };

export function capabilitySeries(entries: readonly CatalogEntry[], today: string) {
  const plotted = entries.filter((e) => e.score != null && e.launchBlended != null && e.launchBlended > 0);
  const dot = (e: CatalogEntry): CapabilityDot => ({ slug: e.slug, name: e.name, vendor: e.vendor, date: e.releaseDate, price: e.launchBlended!, score: e.score!, experiments: e.experiments });
  const years = [...new Set(plotted.map((e) => Number(e.releaseDate.slice(0, 4))))].sort();
  const frontiers = frontierByYear(
    plotted.map((e) => ({ releaseDate: e.releaseDate, score: e.score, item: e.slug, priceOn: (d: string) => blendedAt(e.prices, d) })),
    years,
    today,
  );
  const prices = plotted.map((e) => e.launchBlended!).concat(frontiers.flatMap((f) => f.points.map((p) => p.price)));
  return {
    years: years.map((year, i) => ({
      year,
      points: plotted.filter((e) => e.releaseDate.startsWith(String(year))).map(dot),
      frontier: frontierStepLine(frontiers[i].points),
    })),
    usage: plotted.filter((e) => e.experiments > 0).map(dot),
    ticks: log10Ticks(Math.min(...prices), Math.max(...prices)),
    leftOut: entries.length - plotted.length,
  };
}

const fmtFlop = (f: number) => {
  const e = Math.floor(Math.log10(f));
  return `${(f / 10 ** e).toFixed(1)}×10^${e}`;
};
export const formatYears = (y: number) =>
  y >= 1e6 ? `${(y / 1e6).toPrecision(2)} million years` : y >= 1000 ? `${Math.round(y / 1000).toLocaleString('en-US')} thousand years` : `${Math.round(y)} years`;

export function computeSeries(entries: readonly CatalogEntry[]) {
  const plotted = entries.filter((e) => e.trainingFlop != null && e.trainingFlop > 0);
  const points = plotted.map((e) => ({
    t: Date.parse(e.releaseDate),
    flop: e.trainingFlop!,
    name: e.name,
    vendor: e.vendor,
    flopLabel: fmtFlop(e.trainingFlop!),
    phone: `a phone computing for ${formatYears(phoneYears(e.trainingFlop!))}`,
    generation: e.generation?.label ?? '',
  }));
  const flops = points.map((p) => p.flop);
  const ticks = log10Ticks(Math.min(1e23, ...flops), Math.max(1e27, ...flops));
  const lo = ticks[0] ?? 1e22;
  const hi = ticks.at(-1) ?? 1e27;
  const bands = GENERATIONS.map((g) => ({ from: Math.max(g.from, lo), to: Math.min(g.to ?? hi, hi), label: g.label })).filter((b) => b.to > b.from);
  const times = points.map((p) => p.t);
  const domain: [number, number] = times.length ? [Math.min(...times) - 90 * 86_400_000, Math.max(...times) + 90 * 86_400_000] : [0, 1];
  return { points, bands, ticks, domain, timeTicks: yearTicks(domain[0], domain[1]), leftOut: entries.length - plotted.length };
}
