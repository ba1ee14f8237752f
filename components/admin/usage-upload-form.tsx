'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { useServerText } from '@/i18n/use-server-text';

type Props = { sources: { id: string; label: string }[] };

/** Sends a usage file (or a JSON page an API returned) to the import route as it is read, then shows the result. */
export function UsageUploadForm({ sources }: Props) {
  const t = useTranslations('admin.usageUpload');
  const st = useServerText();
  const router = useRouter();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return setResult({ ok: false, text: t('chooseFile') });
    setResult(null);
    setPending(true);
    const query = new URLSearchParams({ source: String(form.get('source')), name: file.name });
    const res = await fetch(`/api/admin/usage/import?${query}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } }).catch(() => null);
    const body = ((await res?.json().catch(() => null)) ?? {}) as { message?: string; error?: string };
    setPending(false);
    if (!res?.ok || !body.message) return setResult({ ok: false, text: body.error ?? t('notSent') });
    setResult({ ok: true, text: body.message });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} aria-label={t('formLabel')} className="flex flex-wrap items-end gap-3" noValidate>
      <Field label={t('source')} name="usage-source">
        <Select id="usage-source" name="source" defaultValue="csv">
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('file')} name="usage-file">
        <input id="usage-file" name="file" type="file" accept=".csv,.json,.ndjson,.jsonl,text/csv,application/json" className="text-sm" />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('importing') : t('submit')}
      </Button>
      {result ? (
        <p role={result.ok ? 'status' : 'alert'} data-testid="usage-import-result" className={`w-full text-sm ${result.ok ? 'text-success' : 'text-danger'}`}>
          {st(result.text)}

        </p>
      ) : null}
    </form>
  );
}
