import { ACCESS_CHANNELS } from '@/db/schema/experiment-models';
import { CONCLUSIONS, MINDSETS, SENSITIVITIES, STATUSES, WORK_TYPES } from '@/db/schema/experiments';
import { CHANNEL_LABEL, CONCLUSION_LABEL, MINDSET_LABEL, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';
import { IMPORT_COLUMNS, IMPORT_EXAMPLE } from './experiment-import';

export type ColumnHelp = { column: string; accepts: string; values?: { key: string; label: string }[]; example: string };

const coded = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((key) => ({ key, label: labels[key] }));
const NUMBER = 'A number (a comma or point for decimals); empty if unknown.';
const DATE = 'A date as YYYY-MM-DD; empty if unknown.';
const YES_NO = 'yes or no (also y, true, 1, x); empty means no.';

const ACCEPTS: Record<(typeof IMPORT_COLUMNS)[number], Omit<ColumnHelp, 'column' | 'example'>> = {
  title: { accepts: 'Required. Up to 200 characters.' },
  team: { accepts: 'Required. A team name as on the Admin page, any case. A lead imports into teams they lead.' },
  description: { accepts: 'Text, up to 5,000 characters.' },
  hypothesis: { accepts: 'Text, up to 2,000 characters.' },
  work_type: { accepts: 'One of these codes or labels; empty (or "Not set") leaves it not set.', values: coded(WORK_TYPES, WORK_TYPE_LABEL) },
  mindset: { accepts: 'One of these codes or labels; empty (or "Not set") leaves it not set.', values: coded(MINDSETS, MINDSET_LABEL) },
  status: { accepts: 'One of these codes or labels; empty means Proposed.', values: coded(STATUSES, STATUS_LABEL) },
  start_date: { accepts: DATE },
  end_date: { accepts: `${DATE} Not before the start date.` },
  models: { accepts: 'Model names or slugs as the Models page shows them ("Claude Sonnet 4.6" or "claude-sonnet-4.6"), separated by semicolons; the first is the primary model.' },
  reasoning_used: { accepts: YES_NO },
  data_sensitivity: { accepts: 'One of these codes or labels; empty (or "Not set") leaves it not set.', values: coded(SENSITIVITIES, SENSITIVITY_LABEL) },
  participants: { accepts: 'Names, one per line in the cell; up to 2,000 characters.' },
  hours_before_per_task: { accepts: `${NUMBER} Hours, 0 to 10,000.` },
  hours_with_ai_per_task: { accepts: `${NUMBER} Hours, 0 to 10,000.` },
  tasks_per_month: { accepts: `${NUMBER} Needed when both hours are given.` },
  spend_monthly_usd: { accepts: `${NUMBER} Per month, in the organisation's currency (Admin → Settings; the column keeps its old name).` },
  spend_one_off_usd: { accepts: `${NUMBER} In the organisation's currency (the column keeps its old name).` },
  quality_before: { accepts: 'A whole number from 1 to 5; empty if not scored.' },
  quality_after: { accepts: 'A whole number from 1 to 5; empty if not scored.' },
  blocked_by_model: { accepts: `${YES_NO} Yes when the model was not capable enough.` },
  blocker_missing: { accepts: 'What the model could not do; required when blocked_by_model is yes. Up to 2,000 characters.' },
  learnings: { accepts: 'Text, up to 10,000 characters.' },
  conclusion: { accepts: 'One of these codes or labels; empty means not concluded yet.', values: coded(CONCLUSIONS, CONCLUSION_LABEL) },
  exploration: { accepts: `${YES_NO} Yes for an open-ended exploration with no target metric.` },
  target_metric: { accepts: 'What a measured experiment is judged on, in words; up to 300 characters. Ignored for an exploration.' },
  channels: {
    accepts: 'How each model was reached: one of these codes or labels for every model, or one per model in the order of the models column (separated by ;); empty means the API.',
    values: coded(ACCESS_CHANNELS, CHANNEL_LABEL),
  },
};

/** Every column of the import template: what it accepts (the codes and labels of coded columns) and the template's example. */
export const IMPORT_COLUMN_HELP: ColumnHelp[] = IMPORT_COLUMNS.map((column) => ({
  column,
  ...ACCEPTS[column],
  example: column === 'blocker_missing' ? 'Could not read scanned PDFs (when blocked)' : IMPORT_EXAMPLE[column].replace('\n', ' / '),
}));
