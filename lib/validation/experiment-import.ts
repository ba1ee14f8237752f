import Papa from 'papaparse';
import { ACCESS_CHANNELS } from '@/db/schema/experiment-models';
import { CONCLUSIONS, MINDSETS, SENSITIVITIES, STATUSES, WORK_TYPES } from '@/db/schema/experiments';
import { csvRows } from '@/lib/export/csv';
import { importRowFromExport, isExportHeader, unknownExportHeaders } from '@/lib/export/import-from-export';
import { MESSAGES } from '@/messages';
import { csvText } from '@/lib/security/clean-text';
import { CHANNEL_LABEL, CONCLUSION_LABEL, MINDSET_LABEL, MINDSET_SHORT, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';
import { experimentSchema, type ExperimentInput } from './experiment';

/**
 * CSV import of experiments: the template's columns, and how one row becomes the experiment form's input.
 * Teams are named, models are catalog names or slugs (first = primary); coded columns accept the key or the label.
 */
export const IMPORT_COLUMNS = [
  'title', 'team', 'description', 'hypothesis', 'work_type', 'mindset', 'status', 'start_date', 'end_date',
  'models', 'reasoning_used', 'data_sensitivity', 'participants',
  'hours_before_per_task', 'hours_with_ai_per_task', 'tasks_per_month', 'spend_monthly_usd', 'spend_one_off_usd',
  'quality_before', 'quality_after', 'blocked_by_model', 'blocker_missing', 'learnings', 'conclusion',
  'exploration', 'target_metric',
  'channels',
] as const;

export const MAX_IMPORT_ROWS = 5000;
/** Server actions accept 1 MB bodies (Next's default); the CSV must fit with room to spare. */
export const MAX_IMPORT_BYTES = 900_000;

/** The template's example row, column by column (the import page shows it next to what each column accepts). */
export const IMPORT_EXAMPLE: Record<(typeof IMPORT_COLUMNS)[number], string> = {
  title: 'Draft first replies to support tickets',
  team: 'Customer Support',
  description: 'AI drafts; agents review and send',
  hypothesis: 'Agents answer faster without losing quality',
  work_type: 'customer_support',
  mindset: 'accelerate',
  status: 'completed',
  start_date: '2025-03-01',
  end_date: '2025-05-31',
  models: 'gpt-4o;claude-3.5-sonnet',
  channels: 'api;consumer_paid',
  reasoning_used: 'no',
  data_sensitivity: 'internal',
  participants: 'Ana\nBen',
  hours_before_per_task: '0.5',
  hours_with_ai_per_task: '0.2',
  tasks_per_month: '800',
  spend_monthly_usd: '120',
  spend_one_off_usd: '0',
  quality_before: '3',
  quality_after: '4',
  blocked_by_model: 'no',
  blocker_missing: '',
  learnings: 'Works best with a style guide in the prompt',
  conclusion: 'worked',
  exploration: 'no',
  target_metric: 'Minutes to first reply',
};

export function importTemplateCsv(): string {
  return csvRows([IMPORT_COLUMNS, IMPORT_COLUMNS.map((c) => IMPORT_EXAMPLE[c])]);
}

/** Lower-cased team names → id; lower-cased model slugs and catalog names → id. */
export type Lookups = { teams: Map<string, number>; models: Map<string, number> };

/** A rejected row keeps the team it named (when it exists), so the permission check can add its error too. */
export type ImportRow =
  | { line: number; title: string; ok: true; input: ExperimentInput; teamId: number }
  | { line: number; title: string; ok: false; errors: string[]; teamId?: number };

/** An enum cell: the stored key, or the label people see ("Accelerate an existing task"), any case. */
function enumCell(value: string, keys: readonly string[], ...labelMaps: Record<string, string>[]): string {
  const v = value.trim().toLowerCase();
  // An empty cell, or "Not set" as an export writes it, leaves the choice unmade.
  if (!v || v === 'not set' || v === 'not_set' || v === KO.notSet) return '';
  const key = keys.find((k) => k === v || k.replace(/_/g, ' ') === v);
  if (key) return key;
  for (const map of labelMaps) {
    const hit = Object.entries(map).find(([, label]) => label.toLowerCase() === v);
    if (hit) return hit[0];
  }
  return value.trim(); // left as typed: the schema then says it is not in the list
}

const yes = (v: string) => (['yes', 'y', 'true', '1', 'x', '예'].includes(v.trim().toLowerCase()) ? 'on' : '');

/** The Korean words for the coded values (a file typed or exported in Korean), next to the English ones. */
const KO = MESSAGES.ko.labels;

export function parseImportCsv(text: string, lookups: Lookups): { rows: ImportRow[]; error?: string } {
  if (text.length > MAX_IMPORT_BYTES) return { rows: [], error: 'The file is larger than 900 KB: split it into several imports.' };
  const checked = csvText(text);
  if (checked.error !== undefined) return { rows: [], error: checked.error };
  const parsed = Papa.parse<Record<string, string>>(checked.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim().toLowerCase() });
  const fields = parsed.meta.fields ?? [];
  // A file exported from Uplift (English or Korean headers) imports as it is.
  if (isExportHeader(fields)) {
    const unknownHeaders = unknownExportHeaders(fields);
    if (unknownHeaders.length) return { rows: [], error: `Unknown column(s): ${unknownHeaders.join(', ')}. Use the template's column names.` };
    parsed.data = parsed.data.map(importRowFromExport);
  } else if (!fields.includes('title')) return { rows: [], error: 'The file has no "title" column: start from the template.' };
  const unknown = isExportHeader(fields) ? [] : fields.filter((f) => !(IMPORT_COLUMNS as readonly string[]).includes(f));
  if (unknown.length) return { rows: [], error: `Unknown column(s): ${unknown.join(', ')}. Use the template's column names.` };
  if (parsed.data.length > MAX_IMPORT_ROWS) return { rows: [], error: `At most ${MAX_IMPORT_ROWS} rows per import.` };
  if (parsed.data.length === 0) return { rows: [], error: 'The file has no rows.' };
  return { rows: parsed.data.map((raw, i) => parseRow(raw, i + 2, lookups)) };
}

/**
 * The `channels` cell: empty (every model through the API), one channel for every model, or one per model in
 * the order of `models`; codes or the form's labels.
 */
function channelsOf(text: string, modelIds: string[], errors: string[]): Record<string, string> {
  const given = text.split(/[;,]/).map((s) => s.trim()).filter(Boolean).map((c) => enumCell(c, ACCESS_CHANNELS, CHANNEL_LABEL, KO.channel));
  if (!given.length) return {};
  if (given.length !== 1 && given.length !== modelIds.length) {
    errors.push('Give one access channel, or one per model in the order of the models column.');
    return {};
  }
  return Object.fromEntries(modelIds.map((id, i) => [id, given.length === 1 ? given[0] : given[i]]));
}

/**
 * The models cell, separated by ";" or ","; the longest run of pieces that is a catalog name stays one model, since
 * some names hold a separator ("Gemini 3.1 Flash-Lite (preview 2026-03-03; GA 2026-05-07)", as an export writes it).
 */
function modelNames(text: string, known: Map<string, number>): string[] {
  const parts = text.split(/([;,])/); // pieces at even indexes, separators between them
  const names: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    let end = i;
    for (let j = parts.length - 1; j > i; j -= 2) {
      if (known.has(parts.slice(i, j + 1).join('').trim().toLowerCase())) {
        end = j;
        break;
      }
    }
    names.push(parts.slice(i, end + 1).join('').trim());
    i = end;
  }
  return names.filter(Boolean);
}

function parseRow(raw: Record<string, string>, line: number, lookups: Lookups): ImportRow {
  const cell = (k: (typeof IMPORT_COLUMNS)[number]) => (raw[k] ?? '').trim();
  const title = cell('title');
  const errors: string[] = [];
  const teamName = cell('team');
  const teamId = teamName ? lookups.teams.get(teamName.toLowerCase()) : undefined;
  if (!teamName) errors.push('Team is missing.');
  else if (teamId == null) errors.push(`Team "${teamName}" does not exist.`);
  const slugs = modelNames(cell('models'), lookups.models);
  const modelIds: string[] = [];
  for (const slug of slugs) {
    const id = lookups.models.get(slug.toLowerCase());
    if (id == null) errors.push(`Model "${slug}" is not in the catalog (use its name or slug as the Models page shows them).`);
    else modelIds.push(String(id));
  }
  const channels = channelsOf(cell('channels'), modelIds, errors);
  const result = experimentSchema.safeParse({
    title,
    channels,
    teamId: teamId == null ? '' : String(teamId),
    description: cell('description'),
    hypothesis: cell('hypothesis'),
    workType: enumCell(cell('work_type'), WORK_TYPES, WORK_TYPE_LABEL, KO.workType) || undefined,
    mindset: enumCell(cell('mindset'), MINDSETS, MINDSET_LABEL, MINDSET_SHORT, KO.mindset, KO.mindsetShort) || undefined,
    status: enumCell(cell('status'), STATUSES, STATUS_LABEL, KO.status) || undefined,
    startDate: cell('start_date'),
    endDate: cell('end_date'),
    modelIds,
    primaryModelId: modelIds[0] ?? '',
    reasoningUsed: yes(cell('reasoning_used')),
    dataSensitivity: enumCell(cell('data_sensitivity'), SENSITIVITIES, SENSITIVITY_LABEL, KO.sensitivity) || undefined,
    participants: cell('participants'),
    hoursBeforePerTask: cell('hours_before_per_task'),
    hoursWithAiPerTask: cell('hours_with_ai_per_task'),
    tasksPerMonth: cell('tasks_per_month'),
    spendMonthly: cell('spend_monthly_usd'),
    spendOneOff: cell('spend_one_off_usd'),
    qualityBefore: cell('quality_before'),
    qualityAfter: cell('quality_after'),
    blockedByModel: yes(cell('blocked_by_model')),
    blockerMissing: cell('blocker_missing'),
    learnings: cell('learnings'),
    conclusion: enumCell(cell('conclusion'), CONCLUSIONS, CONCLUSION_LABEL, KO.conclusion),
    exploration: yes(cell('exploration')),
    targetMetric: cell('target_metric'),
  });
  if (!result.success) errors.push(...result.error.issues.map((i) => i.message));
  if (errors.length || !result.success || teamId == null) return { line, title, ok: false, errors: [...new Set(errors)], teamId };
  return { line, title, ok: true, input: result.data, teamId };
}

/** The import preview as the page shows it (no parsed inputs: they stay on the server). */
export type ImportState = {
  csv?: string;
  fileName?: string;
  rows?: { line: number; title: string; ok: boolean; errors: string[]; becomes?: string }[];
  creatable?: number;
  rejected?: number;
  error?: string;
  message?: string;
};
