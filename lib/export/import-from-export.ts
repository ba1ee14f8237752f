import { LOCALES } from '@/i18n/locales';
import { MESSAGES } from '@/messages';
import type { ColumnKey } from './columns';

/**
 * An experiments CSV exported by Uplift, in any language, read back by the CSV import: the export's headers
 * (English or Korean, any case) name the import's columns. An export is known by its first column "ID", which the
 * import template never has. Codes win over labels (the export writes both), so a file imports the same whatever
 * language it was exported in; export-only columns (ID, owner, counts, timestamps…) are left out.
 */
const HEADER_KEYS = new Map<string, ColumnKey>(
  LOCALES.flatMap((locale) => Object.entries(MESSAGES[locale].export.columns).map(([key, header]) => [header.toLowerCase(), key as ColumnKey] as const)),
);

/** Whether the file's (lower-cased) header is an experiments export rather than the import template. */
export const isExportHeader = (fields: readonly string[]) => fields.includes('id') && fields.some((f) => HEADER_KEYS.get(f) === 'title');

/** Headers of an export file that no export language writes. */
export const unknownExportHeaders = (fields: readonly string[]) => fields.filter((f) => !HEADER_KEYS.has(f));

/**
 * The models and their channels from the access channels cell, "GPT-5.4 mini: API; Gemini 3.1 Flash-Lite (preview
 * 2026-03-03; GA 2026-05-07): API" (every model, by name; a name may hold "; "), the primary first, as the import takes them.
 */
function modelsAndChannels(primary: string, compared: string, pairsCell: string): { models: string; channels: string } {
  const pairs = [...pairsCell.matchAll(/(.+?): ([^;:]+?)(?:; |$)/g)].map((m) => ({ model: m[1], channel: m[2] }));
  const first = pairs.find((p) => p.model === primary);
  if (!first) return { models: [primary, compared].filter(Boolean).join('; '), channels: '' };
  const ordered = [first, ...pairs.filter((p) => p !== first)];
  return { models: ordered.map((p) => p.model).join('; '), channels: ordered.map((p) => p.channel).join(';') };
}

/** One export row (keyed by its lower-cased headers) as an import row (keyed by the template's columns). */
export function importRowFromExport(raw: Record<string, string>): Record<string, string> {
  const cell: Partial<Record<ColumnKey, string>> = {};
  for (const [header, value] of Object.entries(raw)) {
    const key = HEADER_KEYS.get(header);
    if (key) cell[key] = (value ?? '').trim();
  }
  const get = (key: ColumnKey) => cell[key] ?? '';
  const codeOr = (code: ColumnKey, label: ColumnKey) => (cell[code] !== undefined ? get(code) : get(label));
  const { models, channels } = modelsAndChannels(get('primaryModel'), get('comparedModels'), get('accessChannels'));
  return {
    title: get('title'),
    team: get('team'),
    description: get('description'),
    hypothesis: get('hypothesis'),
    work_type: codeOr('workTypeCode', 'workType'),
    mindset: codeOr('mindsetCode', 'mindset'),
    status: codeOr('statusCode', 'status'),
    start_date: get('startDate'),
    end_date: get('endDate'),
    models,
    channels,
    reasoning_used: get('reasoningUsed'),
    data_sensitivity: codeOr('dataSensitivityCode', 'dataSensitivity'),
    participants: get('participants'),
    hours_before_per_task: get('hoursBeforePerTask'),
    hours_with_ai_per_task: get('hoursWithAiPerTask'),
    tasks_per_month: get('tasksPerMonth'),
    spend_monthly_usd: get('monthlySpend'),
    spend_one_off_usd: get('oneOffSpend'),
    quality_before: get('qualityBefore'),
    quality_after: get('qualityAfter'),
    blocked_by_model: get('blockedByModel'),
    blocker_missing: get('blockerMissing'),
    learnings: get('learnings'),
    // Without the code column, the label; "Not concluded yet" is no conclusion.
    conclusion: cell.conclusionCode !== undefined ? get('conclusionCode') : LOCALES.some((l) => MESSAGES[l].export.values.notConcludedYet === get('conclusion')) ? '' : get('conclusion'),
    exploration: get('exploration'),
    target_metric: get('targetMetric'),
  };
}
