'use client';

import { useTranslations } from 'next-intl';

/** Plain words for the user; the details are in the server log under the same digest. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('nav.error');
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <p className="mt-2 text-sm text-muted-foreground">
        {t('body')} <code data-testid="error-reference">{error.digest ?? t('noReference')}</code>
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md border border-border px-4 py-2">
        {t('tryAgain')}
      </button>
    </main>
  );
}
