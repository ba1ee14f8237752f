import { effortLabel, NO_REASONING } from '@/lib/catalog/model-efforts';
import { formatCentsExact, formatNumber, formatUsd } from '@/lib/format';
import type { HistoryNames } from '@/db/queries/experiments/history-names';
import { CHANNEL_LABEL, CONCLUSION_LABEL, MINDSET_SHORT, NOT_SET_LABEL, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';

/**
 * One changed field of the audit trail as a person reads it: "AI spend per month: — → $250",
 * "Mindset: Accelerate → New capability", "Models: — → Claude Sonnet 4.6 (primary, high effort)".
 * The audit log keeps the stored values (codes, cents, slugs): they are what a machine compares; this
 * turns them into the form's words and units. Pure, shared by the History card and any history export.
 */
export type ReadableChange = { field: string; label: string; before: string; after: string };

const NONE = '—';

type Shown = (v: unknown, names: HistoryNames) => string;

const blank = (v: unknown) => v == null || v === '';
const text: Shown = (v) => (blank(v) ? NONE : String(v));
const coded =
  (labels: Record<string, string>, unset = NONE): Shown =>
  (v) => (blank(v) ? unset : (labels[String(v)] ?? String(v)));
const number =
  (unit?: [one: string, many: string], digits = 2): Shown =>
  (v) => {
    if (blank(v) || !Number.isFinite(Number(v))) return text(v, EMPTY_NAMES);
    const n = Number(v);
    return unit ? `${formatNumber(n, digits)} ${n === 1 ? unit[0] : unit[1]}` : formatNumber(n, digits);
  };
const cents: Shown = (v, names) => (blank(v) ? NONE : formatCentsExact(Number(v), names.currency));
const yesNo: Shown = (v) => (v == null ? NONE : v ? 'Yes' : 'No');
const outOfFive: Shown = (v) => (blank(v) ? NONE : `${v} of 5`);
const team: Shown = (v, names) => (blank(v) ? NONE : (names.teams.get(Number(v)) ?? `Team #${v}`));

/**
 * A stored link "slug @ effort (primary)", "slug @ effort on channel (primary)" off the API
 * (db/queries/experiments/write.ts modelSlugs), as "Name (primary, high effort, Consumer app (free))".
 */
export function readableModel(link: string, names: HistoryNames): string {
  const m = /^(.*?)(?: @ (\S+))?(?: on (\S+))?( \(primary\))?$/.exec(link.trim());
  if (!m) return link;
  const [, slug, effort, channel, primary] = m;
  // "high" reads "high effort"; "vendor default" and "16K thinking tokens" read as effortLabel writes them.
  const effortNote = !effort || effort === NO_REASONING ? '' : effortLabel(effort) === effort ? `${effort} effort` : effortLabel(effort);
  const channelNote = channel ? (CHANNEL_LABEL[channel as keyof typeof CHANNEL_LABEL] ?? channel) : '';
  const notes = [primary ? 'primary' : '', effortNote, channelNote].filter(Boolean);
  return `${names.models.get(slug) ?? slug}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

const models: Shown = (v, names) => {
  const list = Array.isArray(v) ? v.map(String) : blank(v) ? [] : [String(v)];
  return list.length ? list.map((l) => readableModel(l, names)).join(', ') : NONE;
};

/** The form's label and how each value reads, per stored field. A field not listed shows as text. */
const FIELDS: Record<string, { label: string; show: Shown }> = {
  title: { label: 'Title', show: text },
  teamId: { label: 'Team', show: team },
  description: { label: 'Description', show: text },
  hypothesis: { label: 'Hypothesis', show: text },
  exploration: { label: 'Exploration', show: yesNo },
  targetMetric: { label: 'Target metric', show: text },
  workType: { label: 'Work type', show: coded(WORK_TYPE_LABEL, NOT_SET_LABEL) },
  mindset: { label: 'Mindset', show: coded(MINDSET_SHORT, NOT_SET_LABEL) },
  status: { label: 'Status', show: coded(STATUS_LABEL) },
  startDate: { label: 'Start date', show: text },
  endDate: { label: 'End date', show: text },
  reasoningUsed: { label: 'Reasoning mode', show: yesNo },
  dataSensitivity: { label: 'Data sensitivity', show: coded(SENSITIVITY_LABEL, NOT_SET_LABEL) },
  participants: { label: 'Participants', show: text },
  participantCount: { label: 'Participant count', show: number() },
  hoursBeforePerTask: { label: 'Hours per task before AI', show: number(['hour', 'hours']) },
  hoursWithAiPerTask: { label: 'Hours per task with AI', show: number(['hour', 'hours']) },
  tasksPerMonth: { label: 'Tasks per month', show: number() },
  spendMonthlyCents: { label: 'AI spend per month', show: cents },
  spendOneOffCents: { label: 'One-off AI spend', show: cents },
  spendOneOffDate: { label: 'One-off spend date', show: text },
  qualityBefore: { label: 'Quality before', show: outOfFive },
  qualityAfter: { label: 'Quality with AI', show: outOfFive },
  blockedByModel: { label: 'Blocked by model', show: yesNo },
  blockerMissing: { label: 'What was missing', show: text },
  blockerBenchmark: { label: 'Capability bar benchmark', show: text },
  blockerMinScore: { label: 'Capability bar', show: number(undefined, 1) },
  blockerMaxPriceUsd: { label: 'Price ceiling', show: (v) => (blank(v) ? NONE : `${formatUsd(Number(v))} per million tokens`) },
  learnings: { label: 'Learnings', show: text },
  conclusion: { label: 'Conclusion', show: coded(CONCLUSION_LABEL, 'Not concluded yet') },
  privacyMitigation: { label: 'Privacy mitigation', show: text },
  models: { label: 'Models', show: models },
};

const EMPTY_NAMES: HistoryNames = { teams: new Map(), models: new Map(), currency: 'USD' };

/** The label a stored field name reads as ("spendMonthlyCents" → "AI spend per month"). */
export const fieldLabel = (field: string) => FIELDS[field]?.label ?? field;

/** Every changed field of one audit entry, in the order it was recorded. */
export function describeChanges(before: Record<string, unknown>, after: Record<string, unknown>, names: HistoryNames = EMPTY_NAMES): ReadableChange[] {
  return Object.keys(after).map((field) => {
    const show = FIELDS[field]?.show ?? ((v: unknown) => (blank(v) ? NONE : typeof v === 'object' ? JSON.stringify(v) : String(v)));
    return { field, label: fieldLabel(field), before: show(before[field], names), after: show(after[field], names) };
  });
}
