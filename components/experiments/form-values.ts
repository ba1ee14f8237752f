import type { Experiment } from '@/db/schema';
import { EFFORT_FIELD_PREFIX } from '@/lib/catalog/model-efforts';
import { CHANNEL_FIELD_PREFIX } from '@/lib/labels';
import type { ExperimentSchemaField } from '@/lib/validation/experiment';

/** A stored experiment as the form's text values (money in currency units, not cents). */
export function experimentFormValues(e: Experiment, models: { id: number; isPrimary: boolean; effort: string; channel: string }[]): Record<string, string> {
  const s = (v: string | number | null | undefined) => (v == null ? '' : String(v));
  const num = (v: string | null) => (v == null ? '' : String(Number(v)));
  const usd = (cents: number | null) => (cents == null ? '' : String(cents / 100));
  // Every field of the form, typed: a field missing here or misspelt fails type-checking.
  const fields: Record<ExperimentSchemaField, string> = {
    title: e.title,
    teamId: String(e.teamId),
    description: e.description,
    hypothesis: e.hypothesis,
    exploration: e.exploration ? 'on' : '',
    targetMetric: e.targetMetric,
    workType: s(e.workType),
    mindset: s(e.mindset),
    status: e.status,
    startDate: s(e.startDate),
    endDate: s(e.endDate),
    modelIds: models.map((m) => m.id).join('\n'),
    primaryModelId: s(models.find((m) => m.isPrimary)?.id),
    dataSensitivity: s(e.dataSensitivity),
    participants: e.participants,
    hoursBeforePerTask: num(e.hoursBeforePerTask),
    hoursWithAiPerTask: num(e.hoursWithAiPerTask),
    tasksPerMonth: num(e.tasksPerMonth),
    spendMonthly: usd(e.spendMonthlyCents),
    spendOneOff: usd(e.spendOneOffCents),
    spendOneOffDate: s(e.spendOneOffDate),
    qualityBefore: s(e.qualityBefore),
    qualityAfter: s(e.qualityAfter),
    blockedByModel: e.blockedByModel ? 'on' : '',
    blockerMissing: e.blockerMissing,
    blockerBenchmark: e.blockerBenchmark,
    blockerMinScore: num(e.blockerMinScore),
    blockerMaxPriceUsd: num(e.blockerMaxPriceUsd),
    learnings: e.learnings,
    conclusion: s(e.conclusion),
    privacyMitigation: e.privacyMitigation,
  };
  return {
    ...fields,
    ...Object.fromEntries(models.flatMap((m) => [[`${EFFORT_FIELD_PREFIX}${m.id}`, m.effort], [`${CHANNEL_FIELD_PREFIX}${m.id}`, m.channel]])),
  };
}
