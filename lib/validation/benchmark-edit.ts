import { z } from 'zod';
import { MEASURES } from '@/lib/catalog/benchmarks';

const optionalNumber = (label: string) =>
  z.preprocess(
    (v) => (v === '' || v == null ? null : v),
    z.coerce.number({ error: `${label}: enter a number.` }).finite(`${label}: enter a number.`).min(0, `${label} is 0 or more.`).max(1_000_000, `${label} is too large.`).nullable(),
  );

/**
 * What an admin may change of a benchmark (its key and unit stay: scores are stored in that unit). Baselines
 * and the ceiling are in the benchmark's unit; `updatedAt` is the version the form was loaded with.
 */
export const benchmarkEditSchema = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,60}$/, 'This benchmark could not be read; reload the page.'),
  updatedAt: z.string().min(1, 'This benchmark could not be read; reload the page.').max(40),
  name: z.string().trim().min(1, 'Give the benchmark a name.').max(80, 'At most 80 characters.'),
  measures: z.enum(MEASURES, { error: 'Choose what it measures.' }),
  description: z.string().trim().min(1, 'Say what it measures in a sentence.').max(500, 'At most 500 characters.'),
  randomBaseline: optionalNumber('The random-guess baseline'),
  scoreCeiling: optionalNumber('The ceiling'),
  supersededBy: z.string().trim().max(60).transform((v) => v || null),
  humanExpert: optionalNumber('The expert baseline'),
  humanNonExpert: optionalNumber('The non-expert baseline'),
  humanBaselineSource: z.string().trim().max(300, 'At most 300 characters.').transform((v) => v || null),
  source: z.string().trim().min(1, 'Cite where these figures come from.').max(300, 'At most 300 characters.'),
  defaultAxis: z.preprocess((v) => v === 'on' || v === 'true', z.boolean()),
});
export type BenchmarkEdit = z.infer<typeof benchmarkEditSchema>;
