'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setLocaleAction } from '@/app/(auth)/locale-actions';
import { LOCALES, LOCALE_NAMES } from '@/i18n/locales';
import { useServerText } from '@/i18n/use-server-text';
import { BROWSER_LOCALE, type LanguageChoice } from './language-choice';

/**
 * The language Uplift speaks to this person, beside the theme menu: a native select (keyboard and screen
 * readers for free), each language named in itself so anyone finds their own. The server action stores the
 * choice (the person's, or this browser's cookie when signed out); the refresh renders the page in it.
 */
export function LanguageMenu({ initial }: { initial: LanguageChoice }) {
  const t = useTranslations('nav.language');
  const st = useServerText();
  const router = useRouter();
  const [choice, setChoice] = useState<LanguageChoice>(initial);
  const [error, setError] = useState('');
  const [pending, startTransition] = useTransition();
  return (
    <span className="flex items-center gap-2">
      <label className="flex items-center text-xs text-muted-foreground">
        <span className="sr-only">{t('label')}</span>
        <select
          value={choice}
          data-testid="language-select"
          disabled={pending}
          className="rounded-md border border-border bg-card px-1.5 py-1 text-xs text-foreground"
          onChange={(e) => {
            const next = e.target.value as LanguageChoice;
            const previous = choice;
            setChoice(next);
            setError('');
            const form = new FormData();
            form.set('locale', next);
            startTransition(async () => {
              const result = await setLocaleAction({}, form);
              if (result.error) {
                setChoice(previous);
                setError(result.error);
              } else router.refresh();
            });
          }}
        >
          <option value={BROWSER_LOCALE}>{t('browser')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
      </label>
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {st(error)}
        </span>
      ) : null}
    </span>
  );
}
