import type { UsageExportRow } from '@/db/queries/usage/export';
import type { OutcomeExportRow, CheckinExportRow } from '@/db/queries/reports/export';
import type { ExperimentExportRow } from '@/db/queries/reports/export-rows';
import { CHANNEL_LABEL, CONCLUSION_LABEL, labelOrNotSet, MINDSET_SHORT, OUTCOME_TYPE_LABEL, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';

export type CellValue = string | number | boolean | Date | null | undefined;
/** How a spreadsheet should type the cell: XLSX uses it for number formats; CSV writes every kind as text. */
export type CellKind = 'text' | 'longtext' | 'int' | 'number' | 'hours' | 'money' | 'percent' | 'date' | 'datetime' | 'bool';

export type Column<R> = { header: string; kind: CellKind; value: (row: R) => CellValue };

const num = (v: string | number | null) => (v == null ? null : Number(v));
/** A coded value as a reader says it ("New capability", "Not set"); the code itself goes in a "… code" column at the end. */
const label = <K extends string>(labels: Record<K, string>, v: K | null) => labelOrNotSet(labels, v);
const cents = (v: number | null) => (v == null ? null : v / 100);

/** Every field of an experiment, the models it used and its outcome and check-in counts. */
export const EXPERIMENT_COLUMNS: Column<ExperimentExportRow>[] = [
  { header: 'ID', kind: 'int', value: (r) => r.id },
  { header: 'Title', kind: 'text', value: (r) => r.title },
  { header: 'Team', kind: 'text', value: (r) => r.team },
  { header: 'Owner', kind: 'text', value: (r) => r.owner },
  { header: 'Status', kind: 'text', value: (r) => STATUS_LABEL[r.status] },
  { header: 'Mindset', kind: 'text', value: (r) => label(MINDSET_SHORT, r.mindset) },
  { header: 'Exploration', kind: 'bool', value: (r) => r.exploration },
  { header: 'Target metric', kind: 'text', value: (r) => r.targetMetric },
  { header: 'Work type', kind: 'text', value: (r) => label(WORK_TYPE_LABEL, r.workType) },
  { header: 'Start date', kind: 'date', value: (r) => r.startDate },
  { header: 'End date', kind: 'date', value: (r) => r.endDate },
  { header: 'Primary model', kind: 'text', value: (r) => r.primaryModel },
  { header: 'Compared models', kind: 'text', value: (r) => r.comparedModels },
  { header: 'Reasoning used', kind: 'bool', value: (r) => r.reasoningUsed },
  { header: 'Data sensitivity', kind: 'text', value: (r) => label(SENSITIVITY_LABEL, r.dataSensitivity) },
  { header: 'Participant count', kind: 'int', value: (r) => r.participantCount },
  { header: 'Hours before per task', kind: 'hours', value: (r) => num(r.hoursBeforePerTask) },
  { header: 'Hours with AI per task', kind: 'hours', value: (r) => num(r.hoursWithAiPerTask) },
  { header: 'Tasks per month', kind: 'number', value: (r) => num(r.tasksPerMonth) },
  { header: 'Hours saved per month', kind: 'hours', value: (r) => num(r.hoursSavedPerMonth) },
  { header: 'Monthly spend', kind: 'money', value: (r) => cents(r.spendMonthlyCents) },
  // What the dashboard sums: summing these over the rows active in the period gives its hours and spend cards.
  { header: 'Current hours saved per month', kind: 'hours', value: (r) => num(r.currentHoursSavedPerMonth) },
  { header: 'Current hours from', kind: 'text', value: (r) => r.currentHoursFrom },
  { header: 'Current monthly spend', kind: 'money', value: (r) => cents(r.currentSpendMonthlyCents) },
  { header: 'Current spend from', kind: 'text', value: (r) => r.currentSpendFrom },
  { header: 'Active in the period', kind: 'bool', value: (r) => r.activeInPeriod },
  { header: 'Period', kind: 'text', value: (r) => r.period },
  { header: 'One-off spend', kind: 'money', value: (r) => cents(r.spendOneOffCents) },
  { header: 'One-off spend date', kind: 'date', value: (r) => r.spendOneOffDate },
  { header: 'Quality before', kind: 'int', value: (r) => r.qualityBefore },
  { header: 'Quality after', kind: 'int', value: (r) => r.qualityAfter },
  { header: 'Outcomes', kind: 'int', value: (r) => r.outcomeCount },
  { header: 'Check-ins', kind: 'int', value: (r) => r.checkinCount },
  { header: 'Blocked by model', kind: 'bool', value: (r) => r.blockedByModel },
  { header: 'What the model lacked', kind: 'longtext', value: (r) => r.blockerMissing },
  { header: 'Blocker benchmark', kind: 'text', value: (r) => r.blockerBenchmark },
  { header: 'Blocker minimum score', kind: 'number', value: (r) => num(r.blockerMinScore) },
  { header: 'Blocker maximum price (USD / Mtok)', kind: 'number', value: (r) => num(r.blockerMaxPriceUsd) },
  { header: 'Conclusion', kind: 'text', value: (r) => (r.conclusion ? CONCLUSION_LABEL[r.conclusion] : 'Not concluded yet') },
  { header: 'Privacy mitigation', kind: 'longtext', value: (r) => r.privacyMitigation },
  { header: 'Re-test of ID', kind: 'int', value: (r) => r.retestOfId },
  { header: 'Description', kind: 'longtext', value: (r) => r.description },
  { header: 'Hypothesis', kind: 'longtext', value: (r) => r.hypothesis },
  { header: 'Learnings', kind: 'longtext', value: (r) => r.learnings },
  { header: 'Participants', kind: 'longtext', value: (r) => r.participants },
  { header: 'Archived at', kind: 'datetime', value: (r) => r.archivedAt },
  { header: 'Created at', kind: 'datetime', value: (r) => r.createdAt },
  { header: 'Updated at', kind: 'datetime', value: (r) => r.updatedAt },
  // The codes, for a machine (the CSV import reads labels and codes alike); empty where not set.
  { header: 'Status code', kind: 'text', value: (r) => r.status },
  { header: 'Mindset code', kind: 'text', value: (r) => r.mindset },
  { header: 'Work type code', kind: 'text', value: (r) => r.workType },
  { header: 'Data sensitivity code', kind: 'text', value: (r) => r.dataSensitivity },
  { header: 'Conclusion code', kind: 'text', value: (r) => r.conclusion },
  { header: 'Access channels', kind: 'text', value: (r) => (r.accessChannels ?? []).map(([model, c]) => `${model}: ${CHANNEL_LABEL[c]}`).join('; ') },
];

export const OUTCOME_COLUMNS: Column<OutcomeExportRow>[] = [
  { header: 'Outcome ID', kind: 'int', value: (r) => r.id },
  { header: 'Experiment ID', kind: 'int', value: (r) => r.experimentId },
  { header: 'Experiment', kind: 'text', value: (r) => r.experiment },
  { header: 'Team', kind: 'text', value: (r) => r.team },
  { header: 'Type', kind: 'text', value: (r) => OUTCOME_TYPE_LABEL[r.type] },
  { header: 'Impact (1–5)', kind: 'int', value: (r) => r.impact },
  { header: 'Recorded on', kind: 'date', value: (r) => r.recordedOn },
  { header: 'Description', kind: 'longtext', value: (r) => r.description },
  { header: 'Evidence', kind: 'longtext', value: (r) => r.evidence },
  { header: 'Type code', kind: 'text', value: (r) => r.type },
];

export const CHECKIN_COLUMNS: Column<CheckinExportRow>[] = [
  { header: 'Check-in ID', kind: 'int', value: (r) => r.id },
  { header: 'Experiment ID', kind: 'int', value: (r) => r.experimentId },
  { header: 'Experiment', kind: 'text', value: (r) => r.experiment },
  { header: 'Team', kind: 'text', value: (r) => r.team },
  { header: 'Date', kind: 'date', value: (r) => r.date },
  { header: 'Hours before per task', kind: 'hours', value: (r) => num(r.hoursBeforePerTask) },
  { header: 'Hours with AI per task', kind: 'hours', value: (r) => num(r.hoursWithAiPerTask) },
  { header: 'Tasks per month', kind: 'number', value: (r) => num(r.tasksPerMonth) },
  { header: 'Hours saved per month', kind: 'hours', value: (r) => num(r.hoursSavedPerMonth) },
  { header: 'Monthly spend', kind: 'money', value: (r) => cents(r.spendMonthlyCents) },
  { header: 'Quality after', kind: 'int', value: (r) => r.qualityAfter },
  { header: 'Note', kind: 'longtext', value: (r) => r.note },
];

/** One month of one source's usage for a team, vendor, model and bill currency (db/queries/usage/export.ts). */
export const USAGE_COLUMNS: Column<UsageExportRow>[] = [
  { header: 'Month', kind: 'text', value: (r) => r.month },
  { header: 'Team', kind: 'text', value: (r) => r.team },
  { header: 'Vendor', kind: 'text', value: (r) => r.vendor },
  { header: 'Model', kind: 'text', value: (r) => r.model },
  { header: 'Model as reported', kind: 'text', value: (r) => r.externalModel },
  { header: 'Source', kind: 'text', value: (r) => r.source },
  { header: 'Requests', kind: 'int', value: (r) => r.requests },
  { header: 'Input tokens', kind: 'int', value: (r) => r.inputTokens },
  { header: 'Output tokens', kind: 'int', value: (r) => r.outputTokens },
  { header: 'Active users (daily max.)', kind: 'int', value: (r) => r.activeUsers },
  { header: 'Billed', kind: 'number', value: (r) => r.costMicros / 1_000_000 },
  { header: 'Bill currency', kind: 'text', value: (r) => r.currency },
  { header: 'Rate to reporting currency', kind: 'number', value: (r) => r.rate },
  { header: 'Billed in reporting currency', kind: 'money', value: (r) => (r.reportingMicros == null ? null : r.reportingMicros / 1_000_000) },
  { header: 'Converted', kind: 'text', value: (r) => (r.reportingMicros == null ? `no: no ${r.currency} rate set for ${r.month}` : r.currency === r.reportingCurrency ? 'yes (reporting currency)' : 'yes') },
];
