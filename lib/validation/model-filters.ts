import { z } from 'zod';
import { SORT_KEYS } from '@/lib/metrics/catalog';
import { cleanText } from '@/lib/security/clean-text';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const many = (v: unknown) => (v == null ? [] : Array.isArray(v) ? v : String(v).split(',')).filter(Boolean);

/** The catalog and trends filters, read from the URL so a view can be shared. Bad values fall back to defaults. */
export const modelFiltersSchema = z.object({
  vendor: z.preprocess(many, z.array(z.string().max(60)).max(20)).catch([]),
  reasoning: z.preprocess(one, z.literal('1').optional()).catch(undefined),
  open: z.preprocess(one, z.literal('1').optional()).catch(undefined),
  from: z.preprocess(one, isoDate.optional()).catch(undefined),
  to: z.preprocess(one, isoDate.optional()).catch(undefined),
  q: z.preprocess(one, z.string().trim().max(100).optional()).catch(undefined),
  sort: z.preprocess(one, z.enum(SORT_KEYS).default('release')).catch('release'),
  dir: z.preprocess(one, z.enum(['asc', 'desc']).default('desc')).catch('desc'),
  /** The capability benchmark (a key of the benchmarks table); absent = the default axis, ECI. */
  bench: z.preprocess(one, z.string().regex(/^[a-z0-9_]{1,40}$/).optional()).catch(undefined),
  /** GPQA threshold for "price of a capability level": the slug of the model that defines the level. */
  level: z.preprocess(one, z.string().max(80).optional()).catch(undefined),
});
export type ModelFilters = z.infer<typeof modelFiltersSchema>;

export function parseModelFilters(params: Record<string, string | string[] | undefined>): ModelFilters {
  // A URL can carry any byte (%00): text goes to the database only as PostgreSQL can store it.
  const clean = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === undefined ? v : Array.isArray(v) ? v.map(cleanText) : cleanText(v)]));
  return modelFiltersSchema.parse(clean);
}

export const toCatalogFilter = (f: ModelFilters) => ({ vendors: f.vendor, reasoning: f.reasoning === '1', openWeights: f.open === '1', from: f.from, to: f.to, q: f.q });
