'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { useServerText } from '@/i18n/use-server-text';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';

type PreviewRow = { line: number; slug: string; outcome: 'added' | 'updated' | 'rejected'; reasons: string[]; name?: string };
export type ImportState = { fileError?: string; rows?: PreviewRow[]; error?: string };
type Action = (prev: ImportState, formData: FormData) => Promise<ImportState>;

const TONE = { added: 'success', updated: 'primary', rejected: 'danger' } as const;

type Applied = { added: number; updated: number; rejected: number };

/** Sends the file to the import route and reports its streamed progress lines. */
async function applyWithProgress(
  csv: string,
  onProgress: (done: number, total: number) => void,
  messages: { failed: string; stopped: string },
): Promise<{ result?: Applied; error?: string }> {
  const res = await fetch('/api/models/import', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } });
  if (!res.ok || !res.body) return { error: ((await res.json().catch(() => ({}))) as { error?: string }).error ?? messages.failed };
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let last: { result?: Applied; error?: string } = { error: messages.stopped };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const msg = JSON.parse(line) as { done?: number; total?: number; result?: Applied; error?: string };
      if (msg.total) onProgress(msg.done ?? 0, msg.total);
      if (msg.result || msg.error) last = msg;
    }
  }
  return last;
}

/** Upload → per-row preview → apply. The file is read in the browser (with progress), checked again on the server and applied in one transaction. */
export function ModelImport({ preview }: { preview: Action }) {
  const t = useTranslations('models.import');
  const st = useServerText();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [previewState, previewAction, previewing] = useActionState(preview, {});
  const [applyState, setApplyState] = useState<{ applied?: Applied; error?: string }>({});
  const [applying, setApplying] = useState<{ done: number; total: number } | null>(null);
  const rows = previewState.rows ?? [];
  const counts = { added: 0, updated: 0, rejected: 0 };
  for (const r of rows) counts[r.outcome]++;

  async function onApply() {
    setApplying({ done: 0, total: rows.length });
    const out = await applyWithProgress(csv, (done, total) => setApplying({ done, total }), { failed: t('failed'), stopped: t('stopped') });
    setApplying(null);
    setApplyState(out.result ? { applied: out.result } : { error: out.error });
  }

  function onFile(file: File | undefined) {
    setApplyState({});
    setCsv('');
    setFileName(file?.name ?? '');
    if (!file) return;
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    reader.onload = () => {
      setCsv(String(reader.result ?? ''));
      setProgress(100);
    };
    reader.readAsText(file);
  }

  return (
    <div className="space-y-4">
      <form action={previewAction} aria-label={t('previewLabel')} className="flex flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-4">
        <div>
          <label htmlFor="csv-file" className="block text-sm font-medium">
            {t('file')}
          </label>
          <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => onFile(e.target.files?.[0])} className="mt-1 text-sm" />
        </div>
        <input type="hidden" name="csv" value={csv} />
        <Button type="submit" disabled={!csv || previewing}>
          {previewing ? t('checking') : t('preview')}
        </Button>
        {progress != null && progress < 100 ? (
          <progress max={100} value={progress} aria-label={t('reading')} className="w-40" />
        ) : fileName && csv ? (
          <span className="text-sm text-muted-foreground">
            {t('rowsRead', { file: fileName, count: csv.split('\n').filter((l) => l.trim()).length - 1 })}
          </span>
        ) : null}
      </form>
      {previewState.fileError ? (
        <p role="alert" className="text-sm text-danger">
          {t('fileError', { error: previewState.fileError })}
        </p>
      ) : null}
      {rows.length ? (
        <section aria-label={t('previewSection')} className="space-y-3">
          <p className="text-sm" data-testid="import-summary">
            {t('summary', counts)}
          </p>
          <Table>
            <thead>
              <tr>
                <Th>{t('line')}</Th>
                <Th>{t('slug')}</Th>
                <Th>{t('outcome')}</Th>
                <Th>{t('why')}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.line} data-testid={`import-row-${r.line}`}>
                  <Td className="tabular-nums">{r.line}</Td>
                  <Td>{r.slug || '—'}</Td>
                  <Td>
                    <Badge tone={TONE[r.outcome]}>{t(`outcomes.${r.outcome}`)}</Badge>
                  </Td>
                  <Td className="text-sm">{r.reasons.length ? r.reasons.map(st).join('; ') : r.outcome === 'added' ? t('newModel', { name: r.name ?? '' }) : t('replaces', { slug: r.slug })}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <div className="flex flex-wrap items-center gap-3">
            <Button type="button" onClick={onApply} disabled={!!applying || counts.added + counts.updated === 0 || !!applyState.applied}>
              {applying ? t('applying', { count: counts.added + counts.updated }) : t('apply', { count: counts.added + counts.updated })}
            </Button>
            {applying ? <progress max={applying.total} value={applying.done} aria-label={t('applyingLabel')} className="w-40" /> : null}
            {applyState.applied ? (
              <p role="status" className="text-sm text-success">
                {t('imported', applyState.applied)}{' '}
                <Link href="/trends" className="underline">
                  {t('seeTrends')}
                </Link>
              </p>
            ) : null}
            {applyState.error ? (
              <p role="alert" className="text-sm text-danger">
                {applyState.error}
              </p>
            ) : null}
          </div>
        </section>
      ) : null}
    </div>
  );
}
