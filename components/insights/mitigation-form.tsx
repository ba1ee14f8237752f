'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, inputClasses } from '@/components/ui/field';
import { useServerText } from '@/i18n/use-server-text';
import { initialState, type ActionState } from '@/lib/action-state';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** Records how the privacy risk was mitigated; the flag clears and the audit trail keeps the text. */
export function MitigationForm({ action, experimentId, version, title }: { action: Action; experimentId: number; version: number; title: string }) {
  const t = useTranslations('insights.mitigation');
  // The schema's and the query's answers are English sentences: shown in the reader's language.
  const st = useServerText();
  const [state, formAction, pending] = useActionState(action, initialState);
  const name = `mitigation-${experimentId}`;
  const error = state.fieldErrors?.mitigation ?? (state.error ? [state.error] : undefined);
  return (
    <form action={formAction} aria-label={t('form', { title })} aria-busy={pending} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="experimentId" value={experimentId} />
      <input type="hidden" name="version" value={version} />
      <div className="min-w-64 flex-1">
        <label htmlFor={name} className="sr-only">
          {t('field', { title })}
        </label>
        <input
          id={name}
          name="mitigation"
          defaultValue={state.values?.mitigation ?? ''}
          placeholder={t('placeholder')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(name, error)}
          className={inputClasses}
        />
        {error ? (
          <p id={`${name}-error`} role="alert" className="mt-1 text-sm text-danger">
            {error.map(st).join(' ')}
          </p>
        ) : null}
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
