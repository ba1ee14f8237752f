'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import type { ImportState } from '@/lib/validation/experiment-import';

type Action = (prev: ImportState, formData: FormData) => Promise<ImportState>;

/** Step 1: pick a file and preview it. Step 2: apply exactly the previewed file, all rows or none. */
export function ImportForm({ preview, apply }: { preview: Action; apply: Action }) {
  const [previewState, previewAction, previewing] = useActionState(preview, {});
  const [applyState, applyAction, applying] = useActionState(apply, {});
  // The latest answer wins: a failed apply shows its re-checked rows.
  const state = applyState.rows || applyState.message ? applyState : previewState;
  const error = applyState.error ?? previewState.error;
  return (
    <div className="space-y-4">
      <Card>
        <form action={previewAction} aria-label="Preview a CSV import" className="flex flex-wrap items-end gap-3">
          <label className="text-sm font-medium">
            CSV file
            <input type="file" name="file" accept=".csv,text/csv" required className="mt-1 block text-sm" />
          </label>
          <Button type="submit" variant="secondary" disabled={previewing}>
            {previewing ? 'Reading…' : 'Preview'}
          </Button>
          <a href="/experiments/import/template" className="text-sm underline" download>
            Download the template
          </a>
        </form>
      </Card>
      {error ? <p role="alert" className="text-sm text-danger">{error}</p> : null}
      {applyState.message ? (
        <p role="status" className="text-sm text-success">
          {applyState.message} <Link href="/experiments" className="underline">See the experiments</Link>
        </p>
      ) : null}
      {state.rows?.length && !applyState.message ? (
        <Card>
          <p className="mb-3 text-sm" data-testid="import-summary">
            {state.fileName ? `${state.fileName}: ` : ''}
            {state.creatable} row(s) will be created, {state.rejected} rejected.
            {state.rejected ? ' Fix the rejected rows in the file and preview again: an import applies all rows or none.' : ''}
          </p>
          <Table>
            <thead>
              <tr>
                <Th>Line</Th>
                <Th>Title</Th>
                <Th>Result</Th>
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
                        <span className="text-success">Will be created:</span> <span data-testid="import-becomes">{r.becomes}</span>
                      </>
                    ) : (
                      <span className="text-danger">Rejected: {r.errors.join(' ')}</span>
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
                {applying ? 'Importing…' : `Import ${state.creatable} experiment${state.creatable === 1 ? '' : 's'}`}
              </Button>
            </form>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
