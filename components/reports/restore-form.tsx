'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { inputClasses } from '@/components/ui/field';

/** Uploads a backup to POST /api/admin/backup and says what happened; on success everyone signs in again. */
export function RestoreForm() {
  const t = useTranslations('reports.restore');
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: string }>({ busy: false });

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ busy: true });
    const response = await fetch('/api/admin/backup', { method: 'POST', body: new FormData(event.currentTarget) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { error?: string; counts?: Record<string, number> } | null;
    if (!response?.ok || !body?.counts) {
      setState({ busy: false, error: body?.error ?? t('noAnswer') });
      return;
    }
    const rows = Object.values(body.counts).reduce((a, b) => a + b, 0);
    setState({ busy: false, done: t('done', { rows: String(rows), experiments: String(body.counts.experiments) }) });
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t('label')}>
      <label className="block space-y-1 text-sm font-medium">
        <span className="block">{t('file')}</span>
        <input type="file" name="file" accept=".json,.gz,application/json,application/gzip" required className={inputClasses} />
      </label>
      <button type="submit" className={buttonClasses('danger')} disabled={state.busy} aria-busy={state.busy}>
        {state.busy ? t('restoring') : t('submit')}
      </button>
      {state.error ? (
        <p className="text-sm text-danger" role="alert">
          {state.error}
        </p>
      ) : null}
      {state.done ? (
        <p className="text-sm" role="status">
          {state.done} <a href="/login" className="underline">{t('signIn')}</a>
        </p>
      ) : null}
    </form>
  );
}
