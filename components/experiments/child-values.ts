import type { CapabilityOutcome, Checkin } from '@/db/schema';
import type { checkinSchema, outcomeSchema } from '@/lib/validation/experiment';
import type { z } from 'zod';

/** A stored check-in or outcome as its edit form's text values (money in currency units, not cents). */
const s = (v: string | number | null | undefined) => (v == null ? '' : String(v));
const num = (v: string | null) => (v == null ? '' : String(Number(v)));
const usd = (cents: number | null) => (cents == null ? '' : String(cents / 100));

// Every field of the schema, typed: a field missing here or misspelt fails type-checking.
export function checkinFormValues(c: Checkin): Record<keyof z.input<typeof checkinSchema>, string> {
  return {
    date: c.date,
    hoursBeforePerTask: num(c.hoursBeforePerTask),
    hoursWithAiPerTask: num(c.hoursWithAiPerTask),
    tasksPerMonth: num(c.tasksPerMonth),
    spendMonthly: usd(c.spendMonthlyCents),
    qualityAfter: s(c.qualityAfter),
    note: c.note,
    tasksDone: s(c.tasksDone),
    inputTokens: s(c.inputTokens),
    outputTokens: s(c.outputTokens),
    billedCost: usd(c.billedCostCents),
  };
}

export function outcomeFormValues(o: CapabilityOutcome): Record<keyof z.input<typeof outcomeSchema>, string> {
  return { type: o.type, description: o.description, impact: String(o.impact), evidence: o.evidence, recordedOn: o.recordedOn };
}
