'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { useServerText } from '@/i18n/use-server-text';
import type { ImportState } from '@/lib/validation/experiment-import';

type Action = (prev: ImportState, formData: FormData) => Promise<ImportState>;

/** Step 1: pick a file and preview it. Step 2: apply exactly the previewed file, all rows or none. */
export function ImportForm({ preview, apply }: { preview: Action; apply: Action }) {
  const t = useTranslations('experiments.import');
  // What the server answered (errors, the result, each row's check) in the reader's language.
  const st = useServerText();
  const [previewState, previewAction, previewing] = useActionState(preview, {});
  const [applyState, applyAction, applying] = useActionState(apply, {});
  // The latest answer wins: a failed apply shows its re-checked rows.
  const state = applyState.rows || applyState.message ? applyState : previewState;
  const error = applyState.error ?? previewState.error;
  return (
    <div className="space-y-4">
      <Card>
        <form action={previewAction} aria-label={t('previewForm')} className="flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium">
            {t('file')}
            <input type="file" name="file" accept=".csv,text/csv" required className="mt-1 block text-sm" />
          </label>
          <Button type="submit" variant="secondary" disabled={previewing}>
            {previewing ? t('reading') : t('preview')}
          </Button>
          <a href="/experiments/import/template" className="text-sm underline" download>
            {t('template')}
          </a>
        </form>
      </Card>
      {error ? <p role="alert" className="text-sm text-danger">{st(error)}</p> : null}
      {applyState.message ? (
        <p role="status" className="text-sm text-success">
          {st(applyState.message)} <Link href="/experiments" className="underline">{t('seeExperiments')}</Link>
        </p>
      ) : null}
      {state.rows?.length && !applyState.message ? (
        <Card>
          <p className="mb-3 text-sm" data-testid="import-summary">
            {state.fileName ? `${state.fileName}: ` : ''}
            {t('summary', { creatable: String(state.creatable), rejected: String(state.rejected) })}
            {state.rejected ? t('fixRejected') : ''}
          </p>
          <Table>
            <thead>
              <tr>
                <Th>{t('line')}</Th>
                <Th>{t('titleColumn')}</Th>
                <Th>{t('result')}</Th>
              </tr>
            </thead>
            <tbody>
              {state.rows.map((r) => (
                <tr key={r.line}>
                  <Td>{r.line}</Td>
                  <Td>{r.title || '—'}</Td>
                  <Td>
                    {r.ok ? (
                      <>
                        <span className="text-success">{t('willBeCreated')}</span> <span data-testid="import-becomes">{r.becomes ? st(r.becomes) : null}</span>
                      </>
                    ) : (
                      <span className="text-danger">{t('rejected', { errors: r.errors.map(st).join(' ') })}</span>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {state.rejected === 0 && state.csv ? (
            <form action={applyAction} className="mt-3">
              <input type="hidden" name="csv" value={state.csv} />
              <Button type="submit" disabled={applying}>
                {applying ? t('importing') : t('importCount', { count: state.creatable ?? 0, n: String(state.creatable) })}
              </Button>
            </form>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
