'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { initialState, type ActionState } from '@/lib/action-state';
import { OUTCOME_TYPE_LABEL } from '@/lib/labels';
import { SelectField, TextAreaField, TextField } from './text-field';
import { SubmitRow } from '@/components/forms/submit-row';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Editing an existing row: its id (in the hidden field `idName`), the version it was loaded at (a stale save
 * is refused on the server) and its current values; onSaved runs after a successful save (closes the dialog).
 */
export type EditOf = { idName: 'checkinId' | 'outcomeId' | 'techniqueId'; id: number; version: number; values: Record<string, string>; onSaved: () => void };

export function useSaved(state: ActionState, edit?: EditOf) {
  const onSaved = edit?.onSaved;
  useEffect(() => {
    if (state.ok) onSaved?.();
  }, [state, onSaved]);
}

export function EditFields({ edit }: { edit?: EditOf }) {
  if (!edit) return null;
  return (
    <>
      <input type="hidden" name={edit.idName} value={edit.id} />
      <input type="hidden" name="version" value={edit.version} />
    </>
  );
}

const KIND = {
  outcome: { noun: 'capability outcome', short: 'outcome', grid: 'md:grid-cols-2', span: 'md:col-span-2' },
  checkin: { noun: 'check-in', short: 'check-in', grid: 'md:grid-cols-3', span: 'md:col-span-3' },
} as const;

type ChildFieldProps = { values: Record<string, string>; errors: ActionState['fieldErrors']; idPrefix?: string };

/**
 * The form both children share: the action's state, focus on the first error, the edit's hidden fields, the
 * submit row. Field names are prefixed in ids when editing, so two forms on a page never clash.
 */
function ChildForm({
  kind,
  action,
  experimentId,
  edit,
  defaults = {},
  children,
}: {
  kind: keyof typeof KIND;
  action: Action;
  experimentId: number;
  edit?: EditOf;
  defaults?: Record<string, string>;
  children: (field: ChildFieldProps) => ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const field = { values: state.values ?? edit?.values ?? defaults, errors: state.fieldErrors, idPrefix: edit ? `${kind}-${edit.id}-` : undefined };
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  useSaved(state, edit);
  const k = KIND[kind];
  return (
    <form
      ref={formRef}
      key={`${edit?.version}-${JSON.stringify(state)}`}
      action={formAction}
      aria-label={edit ? `Edit this ${k.noun}` : `Add a ${k.noun}`}
      noValidate
      className={`${edit ? 'grid gap-3' : 'mt-4 grid gap-3 border-t border-border pt-4'} ${k.grid}`}
    >
      <input type="hidden" name="experimentId" value={experimentId} />
      <EditFields edit={edit} />
      {children(field)}
      <SubmitRow state={state} pending={pending} size="sm" className={k.span}>
        {edit ? `Save ${k.short}` : `Add ${k.short}`}
      </SubmitRow>
    </form>
  );
}

/** Adds one capability outcome, or edits one. */
export function OutcomeForm({ action, experimentId, edit }: { action: Action; experimentId: number; edit?: EditOf }) {
  return (
    <ChildForm kind="outcome" action={action} experimentId={experimentId} edit={edit}>
      {(field) => (
        <>
          <SelectField name="type" label="Outcome type" options={Object.entries(OUTCOME_TYPE_LABEL)} {...field} />
          <TextField name="impact" label="Impact (1–5)" inputMode="numeric" {...field} />
          <div className="md:col-span-2">
            <TextAreaField name="description" label="What it made possible" rows={2} maxLength={2000} {...field} />
          </div>
          <TextField name="evidence" label="Evidence (link or text)" maxLength={2000} {...field} />
          <TextField name="recordedOn" label="Recorded on" type="date" hint="Today if left empty." {...field} />
        </>
      )}
    </ChildForm>
  );
}

export function CheckinForm({ action, experimentId, today, edit }: { action: Action; experimentId: number; today: string; edit?: EditOf }) {
  return (
    <ChildForm kind="checkin" action={action} experimentId={experimentId} edit={edit} defaults={{ date: today }}>
      {(field) => (
        <>
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
        </>
      )}
    </ChildForm>
  );
}
