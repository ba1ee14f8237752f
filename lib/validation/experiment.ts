import { z } from 'zod';
import { CONCLUSIONS, MINDSETS, SENSITIVITIES, STATUSES, WORK_TYPES } from '@/db/schema/experiments';
import { OUTCOME_TYPES } from '@/db/schema/outcomes';
import { EFFORT_FIELD_PREFIX } from '@/lib/catalog/model-efforts';
import { CHANNEL_FIELD_PREFIX } from '@/lib/labels';
import { ACCESS_CHANNELS, type AccessChannel } from '@/db/schema/experiment-models';
import { cleanText } from '@/lib/security/clean-text';
import { checkbox, enumOf, optionalDate, optionalNumber, requiredDate, requiredNumber, requiredText, text } from './experiment-fields';
import { optionalIdOf } from './ids';
import { DEFAULT_BLOCKER_BENCHMARK } from '@/lib/metrics/blocker-benchmark';

/**
 * The experiment form, shared by the form (field names) and the server actions (validation).
 * Quick capture: only the title is required; everything else can come later.
 */
export const EXPERIMENT_FIELDS = [
  'title', 'teamId', 'description', 'hypothesis', 'exploration', 'targetMetric', 'workType', 'mindset', 'status', 'startDate', 'endDate',
  'modelIds', 'primaryModelId', 'dataSensitivity', 'participants',
  'hoursBeforePerTask', 'hoursWithAiPerTask', 'tasksPerMonth', 'spendMonthly', 'spendOneOff', 'spendOneOffDate',
  'qualityBefore', 'qualityAfter',
  'blockedByModel', 'blockerMissing', 'blockerBenchmark', 'blockerMinScore', 'blockerMaxPriceUsd',
  'learnings', 'conclusion', 'privacyMitigation', 'version',
] as const;

/** An optional choice: empty or absent is null ("not set"), anything else must be one of `values`. */
const notSetOr = <T extends string>(values: readonly T[], label: string) =>
  z
    .string()
    .optional()
    .transform((s) => (s ? s : null))
    .pipe(enumOf(values, label).nullable());
const quality = (label: string) => optionalNumber(label, { min: 1, max: 5, integer: true });
const money = (label: string) => optionalNumber(label, { min: 0, max: 100_000_000, unit: 'USD' });
const toCents = (usd: number | null) => (usd == null ? null : Math.round(usd * 100));

export const experimentSchema = z
  .object({
    title: requiredText('Title', 200),
    teamId: z
      .string()
      .optional()
      .transform((s, ctx) => {
        const id = optionalIdOf(s);
        if (id !== 'invalid') return id;
        ctx.addIssue({ code: 'custom', message: 'Choose a team from the list.' });
        return z.NEVER;
      }),
    description: text('Description', 5000),
    hypothesis: text('Hypothesis', 2000),
    // An exploration has no target metric (what it has is cleared on save); a measured experiment may name it later.
    exploration: checkbox,
    targetMetric: text('Target metric', 300),
    // Not set (null) until someone chooses: quick capture never records a guess as a choice.
    workType: notSetOr(WORK_TYPES, 'Work type'),
    mindset: notSetOr(MINDSETS, 'Mindset'),
    status: enumOf(STATUSES, 'Status').default('proposed'),
    startDate: optionalDate('Start date'),
    endDate: optionalDate('End date'),
    modelIds: z
      .array(z.string())
      .optional()
      // Ids that name no model (not digits, beyond the id range) are dropped like unknown ones.
      .transform((ids) => [...new Set((ids ?? []).map(optionalIdOf).filter((id): id is number => typeof id === 'number'))])
      .refine((ids) => ids.length <= 20, 'Pick at most 20 models.'),
    primaryModelId: z
      .string()
      .optional()
      .transform((s) => {
        const id = optionalIdOf(s);
        return id === 'invalid' ? null : id;
      }),
    /** Access channel per picked model (`channel-<id>` fields); a picked model without one is used through the API. */
    channels: z
      .record(z.string(), z.enum(ACCESS_CHANNELS, { error: 'Choose an access channel from the list.' }))
      .optional()
      .transform((r) => {
        const out: Record<number, AccessChannel> = {};
        for (const [k, v] of Object.entries(r ?? {})) {
          const id = optionalIdOf(k);
          if (typeof id === 'number') out[id] = v;
        }
        return out;
      }),
    /** Reasoning effort per picked model (`effort-<id>` fields); checked against the catalog on save (planLinks). */
    efforts: z
      .record(z.string(), z.string().trim().max(20))
      .optional()
      .transform((r) => {
        const out: Record<number, string> = {};
        for (const [k, v] of Object.entries(r ?? {})) {
          const id = optionalIdOf(k);
          if (typeof id === 'number' && v) out[id] = v;
        }
        return out;
      }),
    dataSensitivity: notSetOr(SENSITIVITIES, 'Data sensitivity'),
    participants: text('Participants', 2000),
    hoursBeforePerTask: optionalNumber('Hours per task before AI', { min: 0, max: 10_000, unit: 'hours' }),
    hoursWithAiPerTask: optionalNumber('Hours per task with AI', { min: 0, max: 10_000, unit: 'hours' }),
    tasksPerMonth: optionalNumber('Tasks per month', { min: 0, max: 1_000_000 }),
    spendMonthly: money('AI spend per month'),
    spendOneOff: money('One-off AI spend'),
    spendOneOffDate: optionalDate('One-off spend date'),
    qualityBefore: quality('Quality before'),
    qualityAfter: quality('Quality with AI'),
    blockedByModel: checkbox,
    blockerMissing: text('What was missing', 2000),
    // Which benchmark the bar is on; that it exists and the bar fits its unit is checked against the
    // benchmarks table when saving (db/queries/models/blocker-benchmark.ts).
    blockerBenchmark: z
      .string()
      .optional()
      .transform((s) => s || DEFAULT_BLOCKER_BENCHMARK)
      .pipe(z.string().regex(/^[a-z0-9_]{1,64}$/, 'Choose a benchmark from the list.')),
    blockerMinScore: optionalNumber('Capability bar', { min: 0, max: 9_999 }),
    blockerMaxPriceUsd: optionalNumber('Price ceiling', { min: 0, max: 10_000, unit: 'USD per million tokens' }),
    learnings: text('Learnings', 10_000),
    conclusion: z
      .string()
      .optional()
      .transform((s) => (s ? s : null))
      .pipe(enumOf(CONCLUSIONS, 'Conclusion').nullable()),
    privacyMitigation: text('Privacy mitigation', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate && v.endDate < v.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'End date is before start date.' });
    if (v.primaryModelId != null && !v.modelIds.includes(v.primaryModelId))
      ctx.addIssue({ code: 'custom', path: ['primaryModelId'], message: 'The primary model must be one of the models used.' });
    if (v.hoursBeforePerTask != null && v.hoursWithAiPerTask != null && v.tasksPerMonth == null)
      ctx.addIssue({ code: 'custom', path: ['tasksPerMonth'], message: 'How often does the task happen? Hours saved need tasks per month.' });
    if (v.blockedByModel && !v.blockerMissing)
      ctx.addIssue({ code: 'custom', path: ['blockerMissing'], message: 'Say what the model could not do, so a later model can be re-tested against it.' });
  })
  .transform((v) => ({
    ...v,
    targetMetric: v.exploration ? '' : v.targetMetric,
    // One primary model when any are picked: the first one if the user did not say.
    primaryModelId: v.modelIds.length ? (v.primaryModelId ?? v.modelIds[0]) : null,
    spendMonthlyCents: toCents(v.spendMonthly),
    spendOneOffCents: toCents(v.spendOneOff),
  }));

export type ExperimentInput = z.output<typeof experimentSchema>;

/** A name the experiment form may give a field: the form's inputs, form values and the schema all use these. */
export type ExperimentFieldName = (typeof EXPERIMENT_FIELDS)[number];
/** The fields the schema reads (the version travels beside them, checked by the write's version check). */
export type ExperimentSchemaField = Exclude<ExperimentFieldName, 'version'>;

// The schema reads exactly the form's fields (plus `efforts`, one field per model): a field added to one and
// not the other, or misspelt, fails type-checking here.
type SchemaKeys = Exclude<keyof z.input<typeof experimentSchema>, 'efforts' | 'channels'>;
export const schemaMatchesFields: [Exclude<SchemaKeys, ExperimentSchemaField>, Exclude<ExperimentSchemaField, SchemaKeys>] extends [never, never] ? true : never = true;


/**
 * FormData → the object experimentSchema parses (models are a multi-value field). Text is cleaned as in
 * formObject: a NUL or other control character (pasted, or forged) is removed, never sent to PostgreSQL.
 */
export function experimentFormObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const efforts: Record<string, string> = {};
  for (const [key, v] of formData.entries()) if (key.startsWith(EFFORT_FIELD_PREFIX) && typeof v === 'string') efforts[key.slice(EFFORT_FIELD_PREFIX.length)] = cleanText(v);
  if (Object.keys(efforts).length) out.efforts = efforts;
  const channels: Record<string, string> = {};
  for (const [key, v] of formData.entries()) if (key.startsWith(CHANNEL_FIELD_PREFIX) && typeof v === 'string') channels[key.slice(CHANNEL_FIELD_PREFIX.length)] = cleanText(v);
  if (Object.keys(channels).length) out.channels = channels;
  for (const key of EXPERIMENT_FIELDS) {
    if (key === 'modelIds') out[key] = formData.getAll(key).filter((v): v is string => typeof v === 'string').map(cleanText);
    else {
      const v = formData.get(key);
      if (typeof v === 'string') out[key] = cleanText(v);
    }
  }
  return out;
}

/** Graduating an exploration: from then on it is measured, against this metric. */
export const graduateSchema = z.object({
  targetMetric: requiredText('Target metric', 300),
});

export const outcomeSchema = z.object({
  type: enumOf(OUTCOME_TYPES, 'Outcome type'),
  description: requiredText('What it made possible', 2000),
  impact: requiredNumber('Impact', { min: 1, max: 5, integer: true }, 'Impact is required (1–5).'),
  evidence: text('Evidence', 2000),
  recordedOn: optionalDate('Recorded on'),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const checkinSchema = z.object({
  date: requiredDate('Date'),
  hoursBeforePerTask: optionalNumber('Hours per task before AI', { min: 0, max: 10_000, unit: 'hours' }),
  hoursWithAiPerTask: optionalNumber('Hours per task with AI', { min: 0, max: 10_000, unit: 'hours' }),
  tasksPerMonth: optionalNumber('Tasks per month', { min: 0, max: 1_000_000 }),
  spendMonthly: optionalNumber('AI spend per month', { min: 0, max: 100_000_000, unit: 'USD' }),
  qualityAfter: optionalNumber('Quality with AI', { min: 1, max: 5, integer: true }),
  note: text('Note', 2000),
  // Usage since the last check-in, for cost per task: tasks done with tokens used, or with the billed cost.
  tasksDone: optionalNumber('Tasks done', { min: 0, max: 100_000_000, integer: true }),
  inputTokens: optionalNumber('Input tokens', { min: 0, max: 1e15, integer: true }),
  outputTokens: optionalNumber('Output tokens (with reasoning)', { min: 0, max: 1e15, integer: true }),
  billedCost: optionalNumber('Billed cost', { min: 0, max: 100_000_000, unit: 'USD' }),
}).superRefine((v, ctx) => {
  const figures = [v.hoursBeforePerTask, v.hoursWithAiPerTask, v.tasksPerMonth, v.spendMonthly, v.qualityAfter, v.tasksDone, v.inputTokens, v.outputTokens, v.billedCost];
  if (figures.every((f) => f == null) && !v.note)
    ctx.addIssue({ code: 'custom', path: [], message: 'Add at least one figure or a note: a check-in with only a date records nothing.' });
  if ((v.inputTokens == null) !== (v.outputTokens == null))
    ctx.addIssue({ code: 'custom', path: [v.inputTokens == null ? 'inputTokens' : 'outputTokens'], message: 'Give both input and output tokens (output includes reasoning tokens).' });
  const usage = v.inputTokens != null || v.billedCost != null;
  if (usage && !v.tasksDone)
    ctx.addIssue({ code: 'custom', path: ['tasksDone'], message: 'How many tasks did these tokens or this bill cover? Cost per task needs tasks done.' });
  if (v.tasksDone && !usage)
    ctx.addIssue({ code: 'custom', path: ['billedCost'], message: 'Add the tokens used or the billed cost for these tasks.' });
});
export type CheckinInput = z.output<typeof checkinSchema>;

export { idSchema, versionSchema } from './ids';

