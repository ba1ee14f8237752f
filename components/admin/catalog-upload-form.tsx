'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/field';
import { useServerText } from '@/i18n/use-server-text';

/** Sends an admin's models.dev or Epoch file to the sync route, then opens its diff. */
export function CatalogUploadForm() {
  const t = useTranslations('admin.catalogUpload');
  const st = useServerText();
  const router = useRouter();
  const [error, setError] = useState('');
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) return setError(t('chooseFile'));
    setError('');
    setPending(true);
    const query = new URLSearchParams({ source: String(form.get('source')), name: file.name });
    const res = await fetch(`/api/admin/catalog-sync?${query}`, { method: 'POST', body: file, headers: { 'Content-Type': 'application/octet-stream' } }).catch(() => null);
    const body = ((await res?.json().catch(() => null)) ?? {}) as { id?: number; error?: string };
    setPending(false);
    if (!res?.ok || !body.id) return setError(body.error ?? t('notSent'));
    router.push(`/admin/catalog/${body.id}`);
  }

  return (
    <form onSubmit={onSubmit} aria-label={t('formLabel')} className="flex flex-wrap items-end gap-3" noValidate>
      <Field label={t('source')} name="sync-source">
        <Select id="sync-source" name="source" defaultValue="models.dev">
          <option value="models.dev">{t('modelsDevFile')}</option>
          <option value="epoch">{t('epochFile')}</option>
        </Select>
      </Field>
      <Field label={t('file')} name="sync-file">
        <input id="sync-file" name="file" type="file" accept=".json,.zip,application/json,application/zip" className="text-sm" aria-describedby={error ? 'sync-error' : undefined} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('reading') : t('submit')}
      </Button>
      {error ? (
        <p id="sync-error" role="alert" className="w-full text-sm text-danger">
          {st(error)}

        </p>
      ) : null}
    </form>
  );
}
