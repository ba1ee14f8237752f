import { z } from 'zod';

/**
 * The read API's response shapes: one casing (camelCase), ISO 8601 dates, money in minor units with its
 * currency. Handlers build their answers through these schemas, so the contract cannot drift from the code.
 */
export const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');
export const isoDateTime = z.iso.datetime().describe('An ISO 8601 instant in UTC');
export const money = z
  .object({ amountMinor: z.number().int().describe('Minor units, e.g. cents'), currency: z.string().regex(/^[A-Z]{3}$/) })
  .describe('An amount of money in minor units with its ISO 4217 currency');

export const errorBody = z.object({ error: z.string().describe('What went wrong, as a plain sentence') });

export const experimentListItem = z.object({
  id: z.number().int(),
  title: z.string(),
  teamId: z.number().int(),
  team: z.string(),
  status: z.string(),
  mindset: z.string(),
  workType: z.string(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  hoursSavedPerMonth: z.number().nullable().describe('The latest check-in\u2019s figure, else the experiment\u2019s own; null when neither has one'),
  spendMonthly: money.nullable(),
  blockedByModel: z.boolean(),
  archivedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  outcomes: z.number().int(),
});

export const experimentList = z.object({
  data: z.array(experimentListItem),
  total: z.number().int().describe('Experiments matching the filters, over all pages'),
  sums: z.object({ hoursSavedPerMonth: z.number(), spendMonthly: money }),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});
export type ExperimentList = z.infer<typeof experimentList>;
