'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { signIn } from '@/app/(auth)/actions';
import { useServerText } from '@/i18n/use-server-text';
import { initialState } from '@/lib/action-state';
import { Button } from '@/components/ui/button';
import { InputField } from '@/components/ui/field';

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations('auth.login');
  const st = useServerText();
  const [state, action, pending] = useActionState(signIn, initialState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.error ? (
        <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
          {st(state.error)}
        </p>
      ) : null}
      <InputField label={t('email')} name="email" error={state.fieldErrors?.email?.map(st)} type="email" autoComplete="username" required defaultValue={state.values?.email} />
      <InputField label={t('password')} name="password" error={state.fieldErrors?.password?.map(st)} type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
