'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { changePasswordAction, resetPasswordAction } from '@/app/(auth)/account-actions';
import { Button } from '@/components/ui/button';
import { Field, Input, describedBy } from '@/components/ui/field';
import { useServerText } from '@/i18n/use-server-text';
import { initialState, type ActionState } from '@/lib/action-state';

function PasswordInput({ name, label, state, autoComplete }: { name: string; label: string; state: ActionState; autoComplete: string }) {
  const st = useServerText();
  const err = state.fieldErrors?.[name]?.map(st);
  return (
    <Field label={label} name={name} error={err}>
      <Input id={name} name={name} type="password" autoComplete={autoComplete} aria-invalid={Boolean(err)} aria-describedby={describedBy(name, err)} />
    </Field>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations('auth.password');
  const st = useServerText();
  const [state, action, pending] = useActionState(changePasswordAction, initialState);
  return (
    <form action={action} className="max-w-sm space-y-4" noValidate>
      <PasswordInput name="currentPassword" label={t('current')} state={state} autoComplete="current-password" />
      <PasswordInput name="newPassword" label={t('new')} state={state} autoComplete="new-password" />
      <PasswordInput name="confirmPassword" label={t('repeatNew')} state={state} autoComplete="new-password" />
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('change')}
      </Button>
      {state.message ? <p role="status" className="text-sm text-success">{st(state.message)}</p> : null}
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('auth.password');
  const st = useServerText();
  const [state, action, pending] = useActionState(resetPasswordAction, initialState);
  if (state.ok)
    return (
      <p role="status" className="text-sm">
        {st(state.message ?? '')}{' '}
        <Link href="/login" className="text-primary underline">
          {t('signIn')}
        </Link>
      </p>
    );
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.error ? <p role="alert" className="text-sm text-danger">{st(state.error)}</p> : null}
      <PasswordInput name="newPassword" label={t('new')} state={state} autoComplete="new-password" />
      <PasswordInput name="confirmPassword" label={t('repeatNew')} state={state} autoComplete="new-password" />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('saving') : t('set')}
      </Button>
    </form>
  );
}
