import type { HistoryNames } from '@/db/queries/experiments/history-names';
import labelWords from '@/messages/en/labels.json';
import { NO_REASONING } from '@/lib/catalog/model-efforts';
import type { Formatter } from '@/lib/format';
import type { ReadableChange } from '@/lib/history/describe-change';
import { effortText } from './effort-text';

/**
 * The History card's changed fields in the reader's language. lib/history/describe-change.ts describeChanges
 * says them in English for exports and logs; this says the same with the catalog's words and the reader's
 * number format (English identical, tests/history-changes-i18n.test.ts), so the card follows the reader.
 */

// Each stored field's label, as a key of the experiments catalog (most are the form's own labels).
const FIELD_KEY = {
  title: 'form.title',
  teamId: 'form.team',
  description: 'form.description',
  hypothesis: 'form.hypothesis',
  exploration: 'form.exploration',
  targetMetric: 'form.targetMetric',
  workType: 'form.workType',
  mindset: 'form.mindset',
  status: 'form.status',
  startDate: 'form.startDate',
  endDate: 'form.endDate',
  reasoningUsed: 'history.field.reasoningUsed',
  dataSensitivity: 'form.dataSensitivity',
  participants: 'form.participants',
  participantCount: 'history.field.participantCount',
  hoursBeforePerTask: 'form.hoursBefore',
  hoursWithAiPerTask: 'form.hoursWithAi',
  tasksPerMonth: 'form.tasksPerMonth',
  spendMonthlyCents: 'facts.spendPerMonth',
  spendOneOffCents: 'facts.oneOffSpend',
  spendOneOffDate: 'form.spendOneOffDate',
  qualityBefore: 'history.field.qualityBefore',
  qualityAfter: 'facts.qualityWithAi',
  blockedByModel: 'detail.blockedByModel',
  blockerMissing: 'blocker.missing',
  blockerBenchmark: 'history.field.blockerBenchmark',
  blockerMinScore: 'history.field.blockerMinScore',
  blockerMaxPriceUsd: 'history.field.blockerMaxPriceUsd',
  learnings: 'form.learnings',
  conclusion: 'form.conclusion',
  privacyMitigation: 'form.privacyMitigation',
  models: 'history.field.models',
} as const;
type Field = keyof typeof FIELD_KEY;
const isField = (field: string): field is Field => Object.hasOwn(FIELD_KEY, field);

type Key =
  | (typeof FIELD_KEY)[Field]
  | 'history.outOfFive'
  | 'history.teamFallback'
  | 'history.effortLevel'
  | 'facts.ceiling'
  | 'form.notConcluded'
  | 'models.primary'
  | 'models.effortDefault'
  | 'models.effortNone'
  | 'models.effortTokens';
type Labels = typeof labelWords;
type LabelKey =
  | 'notSet'
  | `workType.${keyof Labels['workType']}`
  | `mindsetShort.${keyof Labels['mindsetShort']}`
  | `status.${keyof Labels['status']}`
  | `sensitivity.${keyof Labels['sensitivity']}`
  | `conclusion.${keyof Labels['conclusion']}`
  | `channel.${keyof Labels['channel']}`;

/** The translators (experiments, labels, common) and formatter of the reader. */
export type HistoryWords = {
  t: (key: Key, values?: Record<string, string | number>) => string;
  tl: (key: LabelKey) => string;
  tc: (key: 'yes' | 'no') => string;
  f: Formatter;
};

const NONE = '—';
const blank = (v: unknown) => v == null || v === '';

/** A stored link "slug @ effort on channel (primary)" as "Name (primary, high effort, API)" (readableModel in the reader's words). */
function modelText(link: string, names: HistoryNames, { t, tl }: HistoryWords): string {
  const m = /^(.*?)(?: @ (\S+))?(?: on (\S+))?( \(primary\))?$/.exec(link.trim());
  if (!m) return link;
  const [, slug, effort, channel, primary] = m;
  const words = { vendorDefault: t('models.effortDefault'), noReasoning: t('models.effortNone'), thinkingTokens: (e: string) => t('models.effortTokens', { effort: e }) };
  // A named level ("high") reads "high effort"; the default and thinking budgets read as the effort column does.
  const effortNote = !effort || effort === NO_REASONING ? '' : effortText(effort, words) === effort ? t('history.effortLevel', { effort }) : effortText(effort, words);
  const channelNote = channel ? labelOf(tl, 'channel', channel) : '';
  const notes = [primary ? t('models.primary') : '', effortNote, channelNote].filter(Boolean);
  return `${names.models.get(slug) ?? slug}${notes.length ? ` (${notes.join(', ')})` : ''}`;
}

/** An enum value's label, or the value itself when the catalog has no such word (an old code). */
function labelOf(tl: HistoryWords['tl'], group: 'workType' | 'mindsetShort' | 'status' | 'sensitivity' | 'conclusion' | 'channel', value: string): string {
  // English is the reference catalog: a code it has no word for is shown as stored, as describeChanges does.
  return Object.hasOwn(labelWords[group], value) ? tl(`${group}.${value}` as LabelKey) : value;
}

function show(field: string, v: unknown, names: HistoryNames, words: HistoryWords): string {
  const { t, tl, tc, f } = words;
  const text = () => (blank(v) ? NONE : String(v));
  const coded = (group: Parameters<typeof labelOf>[1], unset = NONE) => (blank(v) ? unset : labelOf(tl, group, String(v)));
  const number = (digits = 2, hours = false) => {
    if (blank(v) || !Number.isFinite(Number(v))) return text();
    return hours ? f.formatHours(Number(v), digits) : f.formatNumber(Number(v), digits);
  };
  switch (field) {
    case 'teamId':
      return blank(v) ? NONE : (names.teams.get(Number(v)) ?? t('history.teamFallback', { id: String(v) }));
    case 'exploration':
    case 'reasoningUsed':
    case 'blockedByModel':
      return v == null ? NONE : v ? tc('yes') : tc('no');
    case 'workType':
      return coded('workType', tl('notSet'));
    case 'mindset':
      return coded('mindsetShort', tl('notSet'));
    case 'status':
      return coded('status');
    case 'dataSensitivity':
      return coded('sensitivity', tl('notSet'));
    case 'conclusion':
      return coded('conclusion', t('form.notConcluded'));
    case 'participantCount':
    case 'tasksPerMonth':
      return number();
    case 'hoursBeforePerTask':
    case 'hoursWithAiPerTask':
      return number(2, true);
    case 'blockerMinScore':
      return number(1);
    case 'spendMonthlyCents':
    case 'spendOneOffCents':
      return blank(v) ? NONE : f.formatCentsExact(Number(v), names.currency);
    case 'qualityBefore':
    case 'qualityAfter':
      return blank(v) ? NONE : t('history.outOfFive', { value: String(v) });
    case 'blockerMaxPriceUsd':
      return blank(v) ? NONE : t('facts.ceiling', { price: f.formatUsd(Number(v)) });
    case 'models': {
      const list = Array.isArray(v) ? v.map(String) : blank(v) ? [] : [String(v)];
      return list.length ? list.map((l) => modelText(l, names, words)).join(', ') : NONE;
    }
    default:
      return isField(field) ? text() : blank(v) ? NONE : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** Every changed field of one audit entry, in the order it was recorded, in the reader's words. */
export function historyChanges(before: Record<string, unknown>, after: Record<string, unknown>, names: HistoryNames, words: HistoryWords): ReadableChange[] {
  return Object.keys(after).map((field) => ({
    field,
    label: isField(field) ? words.t(FIELD_KEY[field]) : field,
    before: show(field, before[field], names, words),
    after: show(field, after[field], names, words),
  }));
}
