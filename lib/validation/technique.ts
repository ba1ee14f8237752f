import { z } from 'zod';
import { TECHNIQUE_KINDS } from '@/db/schema/techniques';
import { enumOf, requiredText, text } from './experiment-fields';
import { optionalIdOf } from './ids';

/** A technique (a prompt pattern or a workflow) of one experiment: the add and edit forms, checked on the server. */
export const techniqueSchema = z.object({
  kind: enumOf(TECHNIQUE_KINDS, 'Kind'),
  title: requiredText('Title', 200),
  description: text('How to use it', 4000),
  promptText: text('Prompt', 10_000),
  // Which of the experiment's outcomes it led to (checked against the experiment when saving), or none.
  outcomeId: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const id = optionalIdOf(s);
      if (id !== 'invalid') return id;
      ctx.addIssue({ code: 'custom', message: 'Choose an outcome of this experiment, or none.' });
      return z.NEVER;
    }),
});
export type TechniqueInput = z.output<typeof techniqueSchema>;

/** The Playbook page's URL: search text, kind, page. Unknown or malformed values are dropped, never an error. */
export const playbookParamsSchema = z.object({
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((s) => (s && s.trim() ? s.trim().slice(0, 200) : undefined)),
  kind: z.enum(TECHNIQUE_KINDS).optional().catch(undefined),
  page: z
    .string()
    .optional()
    .catch(undefined)
    .transform((s) => {
      const n = Number(s);
      return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
    }),
});
export type PlaybookParams = z.output<typeof playbookParamsSchema>;
