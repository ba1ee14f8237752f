'use client';

import { useActionState } from 'react';
import { createTeamAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { Field, Input, InputField } from '@/components/ui/field';
import { initialState } from '@/lib/action-state';
import { ActionResult } from '@/components/forms/action-result';

export function CreateTeamForm() {
  const [state, action, pending] = useActionState(createTeamAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" aria-label="Add a team" noValidate>
      <InputField label="Team name" id="team-name" name="name" error={fe.name} defaultValue={v.name} />
      <Field label="Function" name="team-function" error={fe.function}>
        <Input id="team-function" name="function" defaultValue={v.function} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add team'}
      </Button>
      <ActionResult state={state} />
    </form>
  );
}
