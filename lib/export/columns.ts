import type { UsageExportRow } from '@/db/queries/usage/export';
import type { OutcomeExportRow, CheckinExportRow } from '@/db/queries/reports/export';
import type { ExperimentExportRow } from '@/db/queries/reports/export-rows';
import type { Locale } from '@/i18n/locales';
import { translatorFor } from '@/i18n/translator';
import type { Messages } from '@/messages';

export type CellValue = string | number | boolean | Date | null | undefined;
/** How a spreadsheet should type the cell: XLSX uses it for number formats; CSV writes every kind as text. */
export type CellKind = 'text' | 'longtext' | 'int' | 'number' | 'hours' | 'money' | 'percent' | 'date' | 'datetime' | 'bool';

export type Column<R> = { header: string; kind: CellKind; value: (row: R) => CellValue };
/** A column's name in the export catalog (messages/<locale>/export.json `columns`). */
export type ColumnKey = keyof Messages['export']['columns'];

const num = (v: string | number | null) => (v == null ? null : Number(v));
const cents = (v: number | null) => (v == null ? null : v / 100);

/**
 * The words of one export in the reader's language: headers from the `export` catalog, coded values from `labels`.
 * Numbers, dates and codes stay as they are, so a file reads (and imports) the same in every language.
 */
function wordsFor(locale: Locale) {
  const t = translatorFor(locale, 'export');
  const tl = translatorFor(locale, 'labels');
  const col = <R>(key: ColumnKey, kind: CellKind, value: (row: R) => CellValue): Column<R> => ({ header: t(`columns.${key}`), kind, value });
  /** A coded value as a reader says it ("New capability", "Not set"); the code itself goes in a "… code" column at the end. */
  const orNotSet = (v: string | null, say: (v: string) => string) => (v == null ? tl('notSet') : say(v));
    // The source of a current figure, as the query writes it in English ("check-in of 2026-01-31", "experiment", "none (counted as 0)").
  const source = (v: string) => {
    if (locale === 'en') return v;
    if (v.startsWith('check-in of ')) return t('values.sourceCheckin', { date: v.slice('check-in of '.length) });
    return v === 'experiment' ? t('values.sourceExperiment') : v.startsWith('none') ? t('values.sourceNone') : v;
  };
    // The period as the query writes it, "2026-01-01 to 2026-03-31".
  const period = (v: string) => {
    const [from, to] = v.split(' to ');
    return locale === 'en' || to === undefined ? v : t('values.period', { from, to });
  };
  return { t, tl, col, orNotSet, source, period };
}

/** Every field of an experiment, the models it used and its outcome and check-in counts. */
export function experimentColumns(locale: Locale): Column<ExperimentExportRow>[] {
  const { t, tl, col, orNotSet, source, period } = wordsFor(locale);
  return [
    col('id', 'int', (r) => r.id),
    col('title', 'text', (r) => r.title),
    col('team', 'text', (r) => r.team),
    col('owner', 'text', (r) => r.owner),
    col('status', 'text', (r) => tl(`status.${r.status}`)),
    col('mindset', 'text', (r) => orNotSet(r.mindset, (v) => tl(`mindsetShort.${v as NonNullable<typeof r.mindset>}`))),
    col('exploration', 'bool', (r) => r.exploration),
    col('targetMetric', 'text', (r) => r.targetMetric),
    col('workType', 'text', (r) => orNotSet(r.workType, (v) => tl(`workType.${v as NonNullable<typeof r.workType>}`))),
    col('startDate', 'date', (r) => r.startDate),
    col('endDate', 'date', (r) => r.endDate),
    col('primaryModel', 'text', (r) => r.primaryModel),
    col('comparedModels', 'text', (r) => r.comparedModels),
    col('reasoningUsed', 'bool', (r) => r.reasoningUsed),
    col('dataSensitivity', 'text', (r) => orNotSet(r.dataSensitivity, (v) => tl(`sensitivity.${v as NonNullable<typeof r.dataSensitivity>}`))),
    col('participantCount', 'int', (r) => r.participantCount),
    col('hoursBeforePerTask', 'hours', (r) => num(r.hoursBeforePerTask)),
    col('hoursWithAiPerTask', 'hours', (r) => num(r.hoursWithAiPerTask)),
    col('tasksPerMonth', 'number', (r) => num(r.tasksPerMonth)),
    col('hoursSavedPerMonth', 'hours', (r) => num(r.hoursSavedPerMonth)),
    col('monthlySpend', 'money', (r) => cents(r.spendMonthlyCents)),
    // What the dashboard sums: summing these over the rows active in the period gives its hours and spend cards.
    col('currentHoursSavedPerMonth', 'hours', (r) => num(r.currentHoursSavedPerMonth)),
    col('currentHoursFrom', 'text', (r) => source(r.currentHoursFrom)),
    col('currentMonthlySpend', 'money', (r) => cents(r.currentSpendMonthlyCents)),
    col('currentSpendFrom', 'text', (r) => source(r.currentSpendFrom)),
    col('activeInPeriod', 'bool', (r) => r.activeInPeriod),
    col('period', 'text', (r) => period(r.period)),
    col('oneOffSpend', 'money', (r) => cents(r.spendOneOffCents)),
    col('oneOffSpendDate', 'date', (r) => r.spendOneOffDate),
    col('qualityBefore', 'int', (r) => r.qualityBefore),
    col('qualityAfter', 'int', (r) => r.qualityAfter),
    col('outcomes', 'int', (r) => r.outcomeCount),
    col('checkins', 'int', (r) => r.checkinCount),
    col('blockedByModel', 'bool', (r) => r.blockedByModel),
    col('blockerMissing', 'longtext', (r) => r.blockerMissing),
    col('blockerBenchmark', 'text', (r) => r.blockerBenchmark),
    col('blockerMinScore', 'number', (r) => num(r.blockerMinScore)),
    col('blockerMaxPrice', 'number', (r) => num(r.blockerMaxPriceUsd)),
    col('conclusion', 'text', (r) => (r.conclusion ? tl(`conclusion.${r.conclusion}`) : t('values.notConcludedYet'))),
    col('privacyMitigation', 'longtext', (r) => r.privacyMitigation),
    col('retestOfId', 'int', (r) => r.retestOfId),
    col('description', 'longtext', (r) => r.description),
    col('hypothesis', 'longtext', (r) => r.hypothesis),
    col('learnings', 'longtext', (r) => r.learnings),
    col('participants', 'longtext', (r) => r.participants),
    col('archivedAt', 'datetime', (r) => r.archivedAt),
    col('createdAt', 'datetime', (r) => r.createdAt),
    col('updatedAt', 'datetime', (r) => r.updatedAt),
    // The codes, for a machine (the CSV import reads labels and codes alike); empty where not set.
    col('statusCode', 'text', (r) => r.status),
    col('mindsetCode', 'text', (r) => r.mindset),
    col('workTypeCode', 'text', (r) => r.workType),
    col('dataSensitivityCode', 'text', (r) => r.dataSensitivity),
    col('conclusionCode', 'text', (r) => r.conclusion),
    col('accessChannels', 'text', (r) => (r.accessChannels ?? []).map(([model, c]) => `${model}: ${tl(`channel.${c}`)}`).join('; ')),
  ];
}

export function outcomeColumns(locale: Locale): Column<OutcomeExportRow>[] {
  const { tl, col } = wordsFor(locale);
  return [
    col('outcomeId', 'int', (r) => r.id),
    col('experimentId', 'int', (r) => r.experimentId),
    col('experiment', 'text', (r) => r.experiment),
    col('team', 'text', (r) => r.team),
    col('type', 'text', (r) => tl(`outcomeType.${r.type}`)),
    col('impact', 'int', (r) => r.impact),
    col('recordedOn', 'date', (r) => r.recordedOn),
    col('description', 'longtext', (r) => r.description),
    col('evidence', 'longtext', (r) => r.evidence),
    col('typeCode', 'text', (r) => r.type),
  ];
}

export function checkinColumns(locale: Locale): Column<CheckinExportRow>[] {
  const { col } = wordsFor(locale);
  return [
    col('checkinId', 'int', (r) => r.id),
    col('experimentId', 'int', (r) => r.experimentId),
    col('experiment', 'text', (r) => r.experiment),
    col('team', 'text', (r) => r.team),
    col('date', 'date', (r) => r.date),
    col('hoursBeforePerTask', 'hours', (r) => num(r.hoursBeforePerTask)),
    col('hoursWithAiPerTask', 'hours', (r) => num(r.hoursWithAiPerTask)),
    col('tasksPerMonth', 'number', (r) => num(r.tasksPerMonth)),
    col('hoursSavedPerMonth', 'hours', (r) => num(r.hoursSavedPerMonth)),
    col('monthlySpend', 'money', (r) => cents(r.spendMonthlyCents)),
    col('qualityAfter', 'int', (r) => r.qualityAfter),
    col('note', 'longtext', (r) => r.note),
  ];
}

/** One month of one source's usage for a team, vendor, model and bill currency (db/queries/usage/export.ts). */
export function usageColumns(locale: Locale): Column<UsageExportRow>[] {
  const { t, col } = wordsFor(locale);
  return [
    col('month', 'text', (r) => r.month),
    col('team', 'text', (r) => r.team),
    col('vendor', 'text', (r) => r.vendor),
    col('model', 'text', (r) => r.model),
    col('modelAsReported', 'text', (r) => r.externalModel),
    col('source', 'text', (r) => r.source),
    col('requests', 'int', (r) => r.requests),
    col('inputTokens', 'int', (r) => r.inputTokens),
    col('outputTokens', 'int', (r) => r.outputTokens),
    col('activeUsers', 'int', (r) => r.activeUsers),
    col('billed', 'number', (r) => r.costMicros / 1_000_000),
    col('billCurrency', 'text', (r) => r.currency),
    col('rate', 'number', (r) => r.rate),
    col('billedInReportingCurrency', 'money', (r) => (r.reportingMicros == null ? null : r.reportingMicros / 1_000_000)),
    col('converted', 'text', (r) => (r.reportingMicros == null ? t('values.convertedNo', { currency: r.currency, month: r.month }) : r.currency === r.reportingCurrency ? t('values.convertedYesReporting') : t('values.convertedYes'))),
  ];
}

/** The English columns (what the exports wrote before they spoke Korean; tests and the action table read them). */
export const EXPERIMENT_COLUMNS = experimentColumns('en');
export const OUTCOME_COLUMNS = outcomeColumns('en');
export const CHECKIN_COLUMNS = checkinColumns('en');
export const USAGE_COLUMNS = usageColumns('en');
