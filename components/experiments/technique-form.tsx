'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { ActionResult } from '@/components/forms/action-result';
import { useFocusFirstError } from '@/components/forms/use-focus-first-error';
import { Button } from '@/components/ui/button';
import { initialState, type ActionState } from '@/lib/action-state';
import { TECHNIQUE_KIND_LABEL } from '@/lib/labels';
import { EditFields, useSaved, type EditOf } from './child-forms';
import { SelectField, TextAreaField, TextField } from './text-field';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** One of the experiment's outcomes a technique may say it led to. */
export type OutcomeChoice = { id: number; label: string };

/** Adds a technique (a learning tagged to reuse: a prompt pattern or a workflow), or edits one. */
export function TechniqueForm({ action, experimentId, outcomes, edit }: { action: Action; experimentId: number; outcomes: OutcomeChoice[]; edit?: EditOf }) {
  const t = useTranslations('experiments.techniqueForm');
  const tl = useTranslations('labels');
  const tc = useTranslations('common');
  const kinds = (Object.keys(TECHNIQUE_KIND_LABEL) as (keyof typeof TECHNIQUE_KIND_LABEL)[]).map((k) => [k, tl(`techniqueKind.${k}`)] as const);
  const [state, formAction, pending] = useActionState(action, initialState);
  const field = { values: state.values ?? edit?.values ?? { kind: 'prompt_pattern' }, errors: state.fieldErrors, idPrefix: edit ? `technique-${edit.id}-` : 'technique-' };
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, state);
  useSaved(state, edit);
  return (
    <form
      ref={formRef}
      key={`${edit?.version}-${JSON.stringify(state)}`}
      action={formAction}
      aria-label={edit ? t('editForm') : t('addForm')}
      noValidate
      className={edit ? 'grid gap-3 md:grid-cols-2' : 'mt-4 grid gap-3 border-t border-border pt-4 md:grid-cols-2'}
    >
      <input type="hidden" name="experimentId" value={experimentId} />
      <EditFields edit={edit} />
      <SelectField name="kind" label={t('kind')} options={kinds} {...field} />
      <SelectField name="outcomeId" label={t('ledToOutcome')} options={outcomes.map((o) => [String(o.id), o.label] as const)} empty={tc('none')} {...field} />
      <div className="md:col-span-2">
        <TextField name="title" label={t('technique')} hint={t('techniqueHint')} maxLength={200} {...field} />
      </div>
      <div className="md:col-span-2">
        <TextAreaField name="description" label={t('howToUse')} rows={2} maxLength={4000} {...field} />
      </div>
      <div className="md:col-span-2">
        <TextAreaField name="promptText" label={t('prompt')} hint={t('promptHint')} rows={4} maxLength={10000} {...field} />
      </div>
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" size="sm" disabled={pending}>
          {edit ? t('save') : t('add')}
        </Button>
        <ActionResult state={state} />
      </div>
    </form>
  );
}
