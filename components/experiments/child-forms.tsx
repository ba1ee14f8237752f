'use client';

import { useActionState, useRef } from 'react';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { Button } from '@/components/ui/button';
import { initialState, type ActionState } from '@/lib/action-state';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';
import { SelectField, TextAreaField, TextField } from './text-field';
import { ActionResult } from '@/components/forms/action-result';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** Adds one capability outcome. Field names are prefixed in ids so two forms on a page never clash. */
export function OutcomeForm({ action, experimentId }: { action: Action; experimentId: number }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const field = { values: state.values ?? {}, errors: state.fieldErrors };
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  return (
    <form ref={formRef} key={JSON.stringify(state)} action={formAction} aria-label="Add a capability outcome" noValidate className="mt-4 grid gap-3 border-t border-border pt-4 md:grid-cols-2">
      <input type="hidden" name="experimentId" value={experimentId} />
      <SelectField name="type" label="Outcome type" options={Object.entries(OUTCOME_TYPE_LABEL)} {...field} />
      <TextField name="impact" label="Impact (1–5)" inputMode="numeric" {...field} />
      <div className="md:col-span-2">
        <TextAreaField name="description" label="What it made possible" rows={2} maxLength={2000} {...field} />
      </div>
      <TextField name="evidence" label="Evidence (link or text)" maxLength={2000} {...field} />
      <TextField name="recordedOn" label="Recorded on" type="date" hint="Today if left empty." {...field} />
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" size="sm" disabled={pending}>Add outcome</Button>
        <ActionResult state={state} />
      </div>
    </form>
  );
}

export function CheckinForm({ action, experimentId, today }: { action: Action; experimentId: number; today: string }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const field = { values: state.values ?? { date: today }, errors: state.fieldErrors };
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  return (
    <form ref={formRef} key={JSON.stringify(state)} action={formAction} aria-label="Add a check-in" noValidate className="mt-4 grid gap-3 border-t border-border pt-4 md:grid-cols-3">
      <input type="hidden" name="experimentId" value={experimentId} />
      <TextField name="date" label="Check-in date" type="date" {...field} />
      <TextField name="hoursBeforePerTask" label="Hours per task before" inputMode="decimal" {...field} />
      <TextField name="hoursWithAiPerTask" label="Hours per task with AI" inputMode="decimal" {...field} />
      <TextField name="tasksPerMonth" label="Tasks per month" inputMode="decimal" {...field} />
      <TextField name="spendMonthly" label="AI spend per month (USD)" inputMode="decimal" {...field} />
      <TextField name="qualityAfter" label="Quality with AI (1–5)" inputMode="numeric" {...field} />
      <fieldset className="grid gap-3 md:col-span-3 md:grid-cols-4">
        <legend className="text-sm font-medium">Usage, for cost per task (optional)</legend>
        <p className="text-xs text-muted-foreground md:col-span-4">
          Tasks done with the primary model, and the tokens they used (output includes reasoning tokens) or what the vendor billed.
        </p>
        <TextField name="tasksDone" label="Tasks done" inputMode="numeric" {...field} />
        <TextField name="inputTokens" label="Input tokens" inputMode="numeric" {...field} />
        <TextField name="outputTokens" label="Output tokens (with reasoning)" inputMode="numeric" {...field} />
        <TextField name="billedCost" label="Billed cost (USD)" inputMode="decimal" {...field} />
      </fieldset>
      <div className="md:col-span-3">
        <TextAreaField name="note" label="Note" rows={2} maxLength={2000} {...field} />
      </div>
      <div className="flex items-center gap-3 md:col-span-3">
        <Button type="submit" size="sm" disabled={pending}>Add check-in</Button>
        <ActionResult state={state} />
      </div>
    </form>
  );
}
