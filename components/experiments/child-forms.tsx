'use client';

import { useActionState, useEffect, useRef, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
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

// Each kind's form label and button, as experiments.child.* keys.
const KIND = {
  outcome: { editForm: 'editOutcomeForm', addForm: 'addOutcomeForm', save: 'saveOutcome', add: 'addOutcome', grid: 'md:grid-cols-2', span: 'md:col-span-2' },
  checkin: { editForm: 'editCheckinForm', addForm: 'addCheckinForm', save: 'saveCheckin', add: 'addCheckin', grid: 'md:grid-cols-3', span: 'md:col-span-3' },
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
  const t = useTranslations('experiments.child');
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
      aria-label={edit ? t(k.editForm) : t(k.addForm)}
      noValidate
      className={`${edit ? 'grid gap-3' : 'mt-4 grid gap-3 border-t border-border pt-4'} ${k.grid}`}
    >
      <input type="hidden" name="experimentId" value={experimentId} />
      <EditFields edit={edit} />
      {children(field)}
      <SubmitRow state={state} pending={pending} size="sm" className={k.span}>
        {edit ? t(k.save) : t(k.add)}
      </SubmitRow>
    </form>
  );
}

/** Adds one capability outcome, or edits one. */
export function OutcomeForm({ action, experimentId, edit }: { action: Action; experimentId: number; edit?: EditOf }) {
  const t = useTranslations('experiments.child');
  const tl = useTranslations('labels');
  const types = (Object.keys(OUTCOME_TYPE_LABEL) as (keyof typeof OUTCOME_TYPE_LABEL)[]).map((k) => [k, tl(`outcomeType.${k}`)] as const);
  return (
    <ChildForm kind="outcome" action={action} experimentId={experimentId} edit={edit}>
      {(field) => (
        <>
          <SelectField name="type" label={t('outcomeType')} options={types} {...field} />
          <TextField name="impact" label={t('impact')} inputMode="numeric" {...field} />
          <div className="md:col-span-2">
            <TextAreaField name="description" label={t('madePossible')} rows={2} maxLength={2000} {...field} />
          </div>
          <TextField name="evidence" label={t('evidence')} maxLength={2000} {...field} />
          <TextField name="recordedOn" label={t('recordedOn')} type="date" hint={t('recordedOnHint')} {...field} />
        </>
      )}
    </ChildForm>
  );
}

export function CheckinForm({ action, experimentId, today, edit }: { action: Action; experimentId: number; today: string; edit?: EditOf }) {
  const t = useTranslations('experiments.child');
  return (
    <ChildForm kind="checkin" action={action} experimentId={experimentId} edit={edit} defaults={{ date: today }}>
      {(field) => (
        <>
          <TextField name="date" label={t('checkinDate')} type="date" {...field} />
          <TextField name="hoursBeforePerTask" label={t('hoursBefore')} inputMode="decimal" {...field} />
          <TextField name="hoursWithAiPerTask" label={t('hoursWithAi')} inputMode="decimal" {...field} />
          <TextField name="tasksPerMonth" label={t('tasksPerMonth')} inputMode="decimal" {...field} />
          <TextField name="spendMonthly" label={t('spendMonthly')} inputMode="decimal" {...field} />
          <TextField name="qualityAfter" label={t('qualityAfter')} inputMode="numeric" {...field} />
          <fieldset className="grid gap-3 md:col-span-3 md:grid-cols-4">
            <legend className="text-sm font-medium">{t('usage')}</legend>
            <p className="text-xs text-muted-foreground md:col-span-4">
              {t('usageHint')}
            </p>
            <TextField name="tasksDone" label={t('tasksDone')} inputMode="numeric" {...field} />
            <TextField name="inputTokens" label={t('inputTokens')} inputMode="numeric" {...field} />
            <TextField name="outputTokens" label={t('outputTokens')} inputMode="numeric" {...field} />
            <TextField name="billedCost" label={t('billedCost')} inputMode="decimal" {...field} />
          </fieldset>
          <div className="md:col-span-3">
            <TextAreaField name="note" label={t('note')} rows={2} maxLength={2000} {...field} />
          </div>
        </>
      )}
    </ChildForm>
  );
}
