'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { setupAction } from '@/app/(auth)/account-actions';
import { Button } from '@/components/ui/button';
import { Field, Input, describedBy } from '@/components/ui/field';
import { useServerText } from '@/i18n/use-server-text';
import { initialState } from '@/lib/action-state';

// Each field's label is its name in messages/<locale>/auth.json (`setup`).
const FIELDS = [
  { name: 'organisation', type: 'text', auto: 'organization' },
  { name: 'name', type: 'text', auto: 'name' },
  { name: 'email', type: 'email', auto: 'username' },
  { name: 'password', type: 'password', auto: 'new-password' },
  { name: 'confirmPassword', type: 'password', auto: 'new-password' },
] as const;

export function SetupForm() {
  const t = useTranslations('auth.setup');
  const st = useServerText();
  const [state, action, pending] = useActionState(setupAction, initialState);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error ? <p role="alert" className="text-sm text-danger">{st(state.error)}</p> : null}
      {FIELDS.map((f) => {
        const err = state.fieldErrors?.[f.name]?.map(st);
        return (
          <Field key={f.name} label={t(f.name)} name={f.name} error={err}>
            <Input
              id={f.name}
              name={f.name}
              type={f.type}
              autoComplete={f.auto}
              defaultValue={f.type === 'password' ? undefined : state.values?.[f.name]}
              aria-invalid={Boolean(err)}
              aria-describedby={describedBy(f.name, err)}
            />
          </Field>
        );
      })}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
