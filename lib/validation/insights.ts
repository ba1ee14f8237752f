import { z } from 'zod';

const id = z.coerce.number({ error: 'Choose an experiment.' }).int().positive();

/** Start a re-test of a blocked experiment with one of its candidate models. */
export const startRetestSchema = z
  .object({
    experimentId: id,
    modelId: z.coerce.number({ error: 'Choose a model to re-test with.' }).int().positive(),
  })
  .strict();
export type StartRetestInput = z.output<typeof startRetestSchema>;

/** Record how a privacy flag was mitigated; the text goes into the experiment and the audit trail. */
export const recordMitigationSchema = z
  .object({
    experimentId: id,
    mitigation: z
      .string()
      .trim()
      .min(5, 'Say in a few words how the risk was mitigated, e.g. "enterprise agreement with training opt-out".')
      .max(500, 'Keep it under 500 characters.'),
    version: z.coerce.number().int().positive().optional(),
  })
  .strict();
export type RecordMitigationInput = z.output<typeof recordMitigationSchema>;
