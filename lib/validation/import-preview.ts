import { formatCentsExact } from '@/lib/format';
import { MINDSET_SHORT, SENSITIVITY_LABEL, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';
import { hoursSavedPerMonth } from '@/lib/metrics/hours';
import type { ExperimentInput } from './experiment';

/**
 * What an imported row will become, in one line a lead can check against the spreadsheet:
 * "Customer Support · Completed · Customer support · Accelerate · 2025-03-01 to 2025-05-31 ·
 *  GPT-4o (primary), Claude 3.5 Sonnet · saves 240 h/month · $120/month".
 */
export function describeImportRow(input: ExperimentInput, names: { team: string; models: Map<number, string>; currency: string }): string {
  const parts: string[] = [names.team, STATUS_LABEL[input.status], input.workType ? WORK_TYPE_LABEL[input.workType] : 'Work type not set', input.mindset ? MINDSET_SHORT[input.mindset] : 'Mindset not set'];
  if (input.startDate || input.endDate) parts.push(`${input.startDate ?? '…'} to ${input.endDate ?? '…'}`);
  if (input.modelIds.length)
    parts.push(input.modelIds.map((id) => `${names.models.get(id) ?? `model ${id}`}${id === input.primaryModelId ? ' (primary)' : ''}`).join(', '));
  parts.push(input.dataSensitivity ? `${SENSITIVITY_LABEL[input.dataSensitivity]} data` : 'Data sensitivity not set');
  const saved = hoursSavedPerMonth(input.hoursBeforePerTask, input.hoursWithAiPerTask, input.tasksPerMonth);
  if (saved != null) parts.push(`saves ${saved.toLocaleString('en-US')} h/month`);
  if (input.spendMonthlyCents != null) parts.push(`${formatCentsExact(input.spendMonthlyCents, names.currency)}/month`);
  if (input.blockedByModel) parts.push('blocked by the model');
  return parts.join(' · ');
}
