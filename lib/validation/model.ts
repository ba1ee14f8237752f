import { z } from 'zod';
import { DATA_POLICIES } from '@/db/schema/models';
import { isRealDay } from './day';
import { idSchema } from './ids';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
  .refine(isRealDay, 'This is not a real date.');
const price = z.coerce.number({ error: 'Enter a price in US dollars.' }).min(0, 'A price cannot be negative.').max(100_000, 'That price is implausibly high.');
const optionalNumber = (schema: z.ZodNumber) => z.preprocess((v) => (v === '' || v == null ? undefined : v), z.coerce.number().pipe(schema).optional());
const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === '1' || v === true, z.boolean());

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9.-]{0,79}$/;

/** A catalog model as admins enter it. */
export const modelSchema = z.object({
  slug: z.string().trim().regex(SLUG_PATTERN, 'Use lower-case letters, digits, dots and dashes (e.g. gpt-4o).'),
  name: z.string().trim().min(1, 'Enter the model’s name.').max(120),
  vendor: z.string().trim().min(1, 'Enter the vendor.').max(60),
  releaseDate: isoDate,
  reasoning: checkbox,
  openWeights: checkbox,
  dataPolicy: z.enum(DATA_POLICIES, { error: 'Choose a data-use policy.' }),
  trainingFlop: optionalNumber(z.number().positive('Training compute must be positive.').max(1e32)),
  contextWindow: optionalNumber(z.number().int().positive().max(100_000_000)),
});
export type ModelInput = z.infer<typeof modelSchema>;

export const modelUpdateSchema = modelSchema.extend({ id: idSchema });

/** A list-price change with the date it took effect. */
export const priceChangeSchema = z.object({
  modelId: idSchema,
  effectiveDate: isoDate,
  input: price,
  output: price,
  note: z.string().trim().max(1000).optional(),
});

/** An admin's score on any benchmark (its unit and effort are checked against the catalog: lib/catalog/score-entry.ts). */
export const benchmarkScoreSchema = z.object({
  modelId: idSchema,
  benchmark: z.string().trim().regex(/^[a-z0-9_]{1,60}$/, 'Choose a benchmark from the list.').default('gpqa_diamond'),
  effort: z.string().trim().max(20, 'Name an effort such as low, medium, high or xhigh, or a thinking budget such as 32K.').default(''),
  score: z.coerce.number({ error: 'Enter a number.' }).min(0, 'A score is 0 or more.').max(1_000_000, 'That score is too large.'),
  source: z.string().trim().max(300, 'At most 300 characters.').optional(),
});

export { isoDate as isoDateSchema };
