import { ACCESS_CHANNELS } from '@/db/schema/experiment-models';
import { DATA_POLICIES } from '@/db/schema/models';
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
  mindset: z.string().nullable().describe('null: not set yet (nobody chose a mindset)'),
  workType: z.string().nullable().describe('null: not set yet'),
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

export const outcome = z.object({
  id: z.number().int(),
  type: z.string(),
  description: z.string(),
  impact: z.number().int().min(1).max(5),
  evidence: z.string(),
  recordedOn: isoDate,
});

export const checkin = z.object({
  id: z.number().int(),
  date: isoDate,
  hoursSavedPerMonth: z.number().nullable(),
  spendMonthly: money.nullable(),
  qualityAfter: z.number().int().nullable(),
  note: z.string(),
});

export const experimentDetail = experimentListItem.extend({
  description: z.string(),
  hypothesis: z.string(),
  exploration: z.boolean().describe('true: an open-ended exploration, with no target metric'),
  targetMetric: z.string().describe('What a measured experiment is judged on, in words; empty for an exploration'),
  dataSensitivity: z.string().nullable().describe('null: not set yet'),
  owner: z.string().nullable(),
  spendOneOff: money.nullable(),
  learnings: z.string(),
  conclusion: z.string().nullable(),
  createdAt: isoDateTime,
  models: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      vendor: z.string(),
      isPrimary: z.boolean(),
      channel: z.enum(ACCESS_CHANNELS).describe('How the model was reached; links recorded before channels existed are api'),
      channelPolicy: z.enum(DATA_POLICIES).describe("Whether the vendor trains on user data by default on that channel: the model's own policy for api, else the vendor's policy for the channel"),
    }),
  ),
  outcomes: z.array(outcome),
  checkins: z.array(checkin),
});

const period = z.object({ from: isoDate, to: isoDate });
export const periodFigures = z.object({
  active: z.number().int(),
  teamsActive: z.number().int(),
  completed: z.number().int(),
  completedWithOutcome: z.number().int(),
  activeNewCapability: z.number().int(),
  activeExploring: z.number().int().describe('Active experiments marked as an exploration (open-ended, no target metric)'),
  hoursSavedPerMonth: z.number(),
  spendMonthly: money,
  spendOneOff: money,
  outcomes: z.number().int(),
  outcomeExperiments: z.number().int(),
  avgImpact: z.number().nullable(),
});
export const dashboardFigures = z.object({
  period,
  previousPeriod: period.nullable().describe('The period of the same length before; null for all time'),
  teamsInScope: z.number().int(),
  current: periodFigures,
  previous: periodFigures.nullable(),
});

/** Prices per million tokens in US cents (minor units); fractions of a cent are kept. */
const tokenPrice = z.object({ inputMinor: z.number(), outputMinor: z.number(), currency: z.literal('USD') });
export const catalogModel = z.object({
  slug: z.string(),
  name: z.string(),
  vendor: z.string(),
  releaseDate: isoDate,
  reasoning: z.boolean(),
  openWeights: z.boolean(),
  dataPolicy: z.string(),
  experiments: z.number().int(),
  pricePerMillionTokens: tokenPrice.nullable().describe('In force today'),
  priceHistory: z.array(tokenPrice.extend({ effectiveDate: isoDate, source: z.string() })),
  scores: z.array(z.object({ benchmark: z.string(), score: z.number(), source: z.string() })),
});
export const catalogModels = z.object({ data: z.array(catalogModel) });

const concentrationSummary = z.object({
  hhi: z.number().nullable().describe('Herfindahl–Hirschman index as a fraction, 0–1'),
  level: z.string().nullable(),
  largest: z.object({ key: z.string(), weight: z.number(), share: z.number() }).nullable(),
  count: z.number().int(),
});
export const insights = z.object({
  radar: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      teamId: z.number().int(),
      team: z.string(),
      missing: z.string(),
      benchmark: z.string(),
      minScore: z.number().nullable(),
      candidates: z.array(z.object({ name: z.string(), vendor: z.string(), score: z.number().nullable(), pointsGain: z.number() })),
    }),
  ),
  concentration: z.object({
    byVendor: concentrationSummary,
    byModel: concentrationSummary,
    portability: z.number().nullable().describe('Share of completed experiments tried on two or more models'),
    experiments: z.number().int(),
    vendorShares: z.array(z.object({ vendor: z.string(), experiments: z.number(), share: z.number() })),
  }),
  privacyFlags: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      teamId: z.number().int(),
      team: z.string(),
      sensitivity: z.string(),
      status: z.string(),
      models: z.array(z.object({ name: z.string(), vendor: z.string(), channel: z.enum(ACCESS_CHANNELS), policy: z.string().describe('The policy on that channel') })),
    }),
  ),
});

/** Billed usage: the part converted into the reporting currency, the rates it used, and what had no rate. */
const billedSpend = z.object({
  converted: money.describe('In the reporting currency'),
  rates: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), currency: z.string(), rate: z.number().describe('Units of the reporting currency per unit of `currency`') })),
  unconverted: z
    .array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), amount: money }))
    .describe('Bills with no rate set for their month: left in their own currency, not in `converted`'),
});
const usageFigures = z.object({
  activeUsers: z.number().int().nullable().describe('The daily maximum (never a sum across days, teams or models); null when no source reported it'),
  engagedUsers: z.number().int().nullable().describe('The daily maximum, as activeUsers'),
  requests: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  spend: billedSpend,
});
export const usage = z.object({
  period,
  reportingCurrency: z.string().regex(/^[A-Z]{3}$/),
  granularity: z.enum(['week', 'month']),
  total: usageFigures,
  overTime: z.array(usageFigures.extend({ key: z.string(), from: isoDate, to: isoDate })),
  byTeam: z.array(usageFigures.extend({ teamId: z.number().int().nullable().describe('null: usage mapped to no team ("Unmapped")'), team: z.string() })),
  byModel: z.array(usageFigures.extend({ model: z.string(), slug: z.string().nullable().describe('null: not resolved to a catalog model'), vendor: z.string() })),
  byVendor: z.array(usageFigures.extend({ vendor: z.string() })),
  vendorConcentration: concentrationSummary.describe('Vendor concentration weighted by billed spend (converted), not by experiments'),
  billedVsReported: z.array(
    z.object({
      teamId: z.number().int().nullable(),
      team: z.string(),
      billed: billedSpend,
      reported: money.describe('The spend run-rate the team’s experiments report, summed over the period’s months'),
      gap: money.describe('billed − reported'),
      reason: z.enum(['match', 'unmapped', 'no-experiments', 'no-billed-usage', 'billed-more', 'reported-more', 'nothing']),
      explanation: z.string(),
    }),
  ),
});
