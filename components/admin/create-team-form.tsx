'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createTeamAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { Field, Input, InputField } from '@/components/ui/field';
import { initialState } from '@/lib/action-state';
import { ActionResult } from '@/components/forms/action-result';

export function CreateTeamForm() {
  const t = useTranslations('admin.createTeam');
  const [state, action, pending] = useActionState(createTeamAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label={t('formLabel')} noValidate>
      <InputField label={t('name')} id="team-name" name="name" error={fe.name} defaultValue={v.name} />
      <Field label={t('function')} name="team-function" error={fe.function}>
        <Input id="team-function" name="function" defaultValue={v.function} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('adding') : t('submit')}
      </Button>
      <ActionResult state={state} />
    </form>
  );
}
