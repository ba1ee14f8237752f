'use client';

import { useActionState } from 'react';
import { createUserAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { Field, InputField, Select } from '@/components/ui/field';
import { initialState } from '@/lib/action-state';
import { ROLE_LABEL } from '@/lib/labels';

export function CreateUserForm({ teams }: { teams: { id: number; name: string }[] }) {
  const [state, action, pending] = useActionState(createUserAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="grid gap-3 md:grid-cols-5" aria-label="Add a user" noValidate>
      <InputField label="Name" name="name" error={fe.name} defaultValue={v.name} />
      <InputField label="Email" id="new-email" name="email" error={fe.email} type="email" defaultValue={v.email} />
      <Field label="Role" name="role" error={fe.role}>
        <Select id="role" name="role" defaultValue={v.role ?? 'lead'}>
          {Object.entries(ROLE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Team (optional)" name="teamId" error={fe.teamId}>
        <Select id="teamId" name="teamId" defaultValue={v.teamId ?? ''}>
          <option value="">No team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Team role" name="teamRole">
        <Select id="teamRole" name="teamRole" defaultValue={v.teamRole ?? 'member'}>
          <option value="member">Member</option>
          <option value="lead">Lead</option>
        </Select>
      </Field>
      <div className="md:col-span-5 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add user'}
        </Button>
        {state.message ? (
          <p role="status" className="break-all text-sm text-success" data-testid="create-user-result">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
