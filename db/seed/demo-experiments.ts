import type { DemoTemplate } from './demo-templates';
import type { Random } from './random';
import type { Conclusion, Mindset, Sensitivity, Status } from '../schema/experiments';

export type CatalogModel = { id: number; slug: string; vendor: string; releaseDate: string; hasPrice: boolean; reasoning: boolean; efforts: string[] };

/** A special story the demo must tell: blocked by an old model, or confidential data sent to an unknown policy. */
type Special = {
  blocked?: { model: string; missing: string; benchmark?: string; minScore?: string; maxPrice?: string };
  privacy?: { model: string; sensitivity: Sensitivity };
};

/** Keyed by experiment index (template index + 30 × phase). */
export const SPECIALS: Record<number, Special> = {
  6: { blocked: { model: 'gpt-4o-mini', missing: 'Arithmetic across scenarios was unreliable; it lost track of assumptions.', minScore: '70.0' } },
  // A coding task: the bar is on SWE-bench Verified.
  13: { blocked: { model: 'gpt-4o', missing: 'Could not hold the whole module in context and misread control flow.', benchmark: 'swe_bench_verified', minScore: '60.0', maxPrice: '5.0000' } },
  23: { blocked: { model: 'claude-3.5-haiku', missing: 'Invented sources for market figures.' } },
  24: { blocked: { model: 'gemini-1.5-flash', missing: 'Summaries of methods sections were shallow; missed statistical flaws.', minScore: '60.0', maxPrice: '1.0000' } },
  18: { blocked: { model: 'llama-3.1-405b', missing: 'Missed jurisdiction-specific nuances in regulations.', minScore: '80.0' } },
  49: { privacy: { model: 'deepseek-v3', sensitivity: 'confidential' } },
  21: { privacy: { model: 'llama-3.1-405b', sensitivity: 'restricted' } },
  35: { privacy: { model: 'deepseek-r1', sensitivity: 'confidential' } },
  57: { privacy: { model: 'qwen3-235b-a22b', sensitivity: 'confidential' } },
};

const DAY = 86_400_000;
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => isoDay(new Date(Date.parse(iso) + days * DAY));

/** Later phases lean from automation towards new capabilities: the shift the dashboard should show. */
function phaseMindset(template: DemoTemplate, phase: number): Mindset {
  if (template.mindset === 'new_capability' && phase === 0) return 'accelerate';
  if (template.mindset === 'automate' && phase === 2) return 'accelerate';
  if (template.mindset === 'accelerate' && phase === 2 && template.outcomes.length > 0) return 'new_capability';
  return template.mindset;
}

const VENDOR_WEIGHTS: [string, number][] = [
  ['OpenAI', 0.58],
  ['Anthropic', 0.2],
  ['Google', 0.14],
  ['Mistral AI', 0.04],
  ['xAI', 0.04],
];

function pickVendor(rng: Random): string {
  let r = rng.next();
  for (const [vendor, w] of VENDOR_WEIGHTS) {
    if ((r -= w) < 0) return vendor;
  }
  return 'OpenAI';
}

/** One of the three newest priced models of the vendor available on that date. */
export function pickModel(rng: Random, catalog: CatalogModel[], vendor: string, onDate: string): CatalogModel {
  const available = catalog
    .filter((m) => m.vendor === vendor && m.hasPrice && m.releaseDate <= onDate)
    .sort((a, b) => b.releaseDate.localeCompare(a.releaseDate));
  const pool = available.slice(0, 3);
  return pool.length ? rng.pick(pool) : catalog.find((m) => m.slug === 'gpt-4o')!;
}

export type PlannedExperiment = {
  index: number;
  template: DemoTemplate;
  title: string;
  mindset: Mindset;
  status: Status;
  startDate: string | null;
  endDate: string | null;
  conclusion: Conclusion | null;
  sensitivity: Sensitivity;
  primary: CatalogModel;
  compared: CatalogModel | null;
  special: Special;
};

/** Decides dates, status and models for experiment `index` (deterministic given the rng). */
export function planExperiment(
  rng: Random,
  index: number,
  template: DemoTemplate,
  catalog: CatalogModel[],
  today: string,
): PlannedExperiment {
  const phase = Math.floor(index / 30);
  const special = SPECIALS[index] ?? {};
  const title = phase === 0 ? template.title : `${template.title} — ${phase === 1 ? 'phase 2' : 'scale-up'}`;
  const ranges = [
    [430, 540],
    [200, 420],
    [0, 190],
  ][phase];
  const startOffset = rng.int(ranges[0], ranges[1]);
  let startDate: string | null = addDays(today, -startOffset);
  let endDate: string | null = null;
  let status: Status;
  let conclusion: Conclusion | null = null;
  const duration = rng.int(30, 110);
  if (special.blocked) {
    status = 'abandoned';
    endDate = addDays(startDate, Math.min(duration, startOffset - 1));
    conclusion = 'did_not_work';
  } else if (startOffset > 130) {
    status = rng.chance(0.85) ? 'completed' : 'abandoned';
    endDate = addDays(startDate, Math.min(duration, startOffset - 1));
    conclusion = status === 'completed' ? rng.pick(['worked', 'worked', 'partly', 'inconclusive'] as const) : 'did_not_work';
  } else if (startOffset > 25) {
    status = rng.chance(0.7) ? 'running' : 'completed';
    if (status === 'completed') {
      endDate = addDays(startDate, Math.min(duration, startOffset - 1));
      conclusion = rng.pick(['worked', 'partly'] as const);
    }
  } else {
    status = rng.chance(0.5) ? 'proposed' : 'running';
  }
  if (status === 'proposed') startDate = null;

  const onDate = startDate ?? today;
  const forced = special.blocked?.model ?? special.privacy?.model;
  const primary = forced
    ? catalog.find((m) => m.slug === forced)!
    : pickModel(rng, catalog, pickVendor(rng), onDate);
  let compared: CatalogModel | null = null;
  if (rng.chance(0.35)) {
    const other = pickModel(rng, catalog, rng.pick(['Anthropic', 'Google', 'OpenAI']), onDate);
    if (other.id !== primary.id) compared = other;
  }
  const sensitivity: Sensitivity =
    special.privacy?.sensitivity ?? rng.pick(['internal', 'internal', 'internal', 'public', 'confidential'] as const);
  return {
    index,
    template,
    title,
    mindset: phaseMindset(template, phase),
    status,
    startDate,
    endDate,
    conclusion,
    sensitivity,
    primary,
    compared,
    special,
  };
}
