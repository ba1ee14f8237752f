import { z } from 'zod';
import { MAX_ID } from './ids';

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message).max(MAX_ID, message);
/** The experiment's version when the page was loaded: an action on a changed experiment is refused. */
const version = z.coerce
  .number({ error: 'This page is out of date: reload it and try again.' })
  .int('This page is out of date: reload it and try again.')
  .min(1, 'This page is out of date: reload it and try again.')
  .max(MAX_ID, 'This page is out of date: reload it and try again.');

/** Start a re-test of a blocked experiment with one of its candidate models. */
export const startRetestSchema = z
  .object({
    experimentId: id('Choose an experiment.'),
    modelId: id('Choose a model to re-test with.'),
    version,
  })
  .strict();
export type StartRetestInput = z.output<typeof startRetestSchema>;

/** Record how a privacy flag was mitigated; the text goes into the experiment and the audit trail. */
export const recordMitigationSchema = z
  .object({
    experimentId: id('Choose an experiment.'),
    mitigation: z
      .string()
      .trim()
      .min(5, 'Say in a few words how the risk was mitigated, e.g. "enterprise agreement with training opt-out".')
      .max(500, 'Keep it under 500 characters.'),
    version,
  })
  .strict();
export type RecordMitigationInput = z.output<typeof recordMitigationSchema>;
