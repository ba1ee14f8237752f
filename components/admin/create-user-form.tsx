'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createUserAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { Field, InputField, Select } from '@/components/ui/field';
import { useServerText } from '@/i18n/use-server-text';
import { initialState } from '@/lib/action-state';
import { ROLE_LABEL } from '@/lib/labels';

const ROLES = Object.keys(ROLE_LABEL) as (keyof typeof ROLE_LABEL)[];

export function CreateUserForm({ teams }: { teams: { id: number; name: string }[] }) {
  const t = useTranslations('admin.createUser');
  const tl = useTranslations('labels');
  const st = useServerText();
  const [state, action, pending] = useActionState(createUserAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="grid gap-3 md:grid-cols-5" aria-label={t('formLabel')} noValidate>
      <InputField label={t('name')} name="name" error={fe.name} defaultValue={v.name} />
      <InputField label={t('email')} id="new-email" name="email" error={fe.email} type="email" defaultValue={v.email} />
      <Field label={t('role')} name="role" error={fe.role}>
        <Select id="role" name="role" defaultValue={v.role ?? 'lead'}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {tl(`role.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('team')} name="teamId" error={fe.teamId}>
        <Select id="teamId" name="teamId" defaultValue={v.teamId ?? ''}>
          <option value="">{t('noTeam')}</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('teamRole')} name="teamRole">
        <Select id="teamRole" name="teamRole" defaultValue={v.teamRole ?? 'member'}>
          <option value="member">{t('member')}</option>
          <option value="lead">{t('lead')}</option>
        </Select>
      </Field>
      <div className="md:col-span-5 flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('adding') : t('submit')}
        </Button>
        {state.message ? (
          <p role="status" className="break-all text-sm text-success" data-testid="create-user-result">
            {st(state.message)}

          </p>
        ) : null}
      </div>
    </form>
  );
}
