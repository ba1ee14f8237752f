'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { addConnectionAction, deleteConnectionAction, pullNowAction, replaceCredentialAction } from '@/app/(app)/admin/usage/connection-actions';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { ActionForm } from '@/components/ui/action-form';
import { Card, CardHeader } from '@/components/ui/card';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import type { PullSource } from '@/db/schema/usage';
import { useServerText } from '@/i18n/use-server-text';
import { initialState } from '@/lib/action-state';

/** A connection as the page shows it: whether a credential is set, never the credential. */
export type ConnectionRow = {
  id: number;
  source: PullSource;
  name: string;
  baseUrl: string;
  organization: string;
  credentialSet: boolean;
  lastImportedDate: string | null;
  lastPulledAt: string | null;
  lastError: string | null;
};

// Vendor names stay as they are in every language; what each credential is lives in the catalogs (admin.connections.credentials).
const SOURCES: { value: PullSource; label: string; base: string }[] = [
  { value: 'copilot', label: 'GitHub Copilot', base: 'https://api.github.com' },
  { value: 'openai', label: 'OpenAI', base: 'https://api.openai.com' },
  { value: 'anthropic', label: 'Anthropic', base: 'https://api.anthropic.com' },
  { value: 'litellm', label: 'LiteLLM', base: '' },
];
const LITELLM_EXAMPLE = 'https://litellm.example.com';

const labelOf = (s: PullSource) => SOURCES.find((x) => x.value === s)?.label ?? s;

type Errors = Record<string, string[] | undefined>;

/**
 * The fields of the add form. The source select is uncontrolled (a form action resets the form, which would leave a
 * controlled select showing one source and posting another); the component is keyed on what the last answer gave
 * back, so it starts again from those values, and `source` only picks the hints and the organisation field.
 */
function ConnectionFields({ values: v, errors: fe }: { values: Record<string, string>; errors: Errors }) {
  const t = useTranslations('admin.connections');
  const [source, setSource] = useState<PullSource>(SOURCES.some((s) => s.value === v.source) ? (v.source as PullSource) : 'openai');
  const chosen = SOURCES.find((s) => s.value === source)!;
  return (
    <>
      <Field label={t('source')} name="conn-source" error={fe.source}>
        <Select id="conn-source" name="source" defaultValue={source} onChange={(e) => setSource(e.target.value as PullSource)}>
          {SOURCES.map((s) => (
            <option key={s.value} value={s.value}>{s.label}</option>
          ))}
        </Select>
      </Field>
      <Field label={t('name')} name="conn-name" error={fe.name}>
        <Input id="conn-name" name="name" defaultValue={v.name} aria-invalid={Boolean(fe.name)} aria-describedby={describedBy('conn-name', fe.name)} />
      </Field>
      <Field label={t('baseUrl')} name="conn-baseUrl" error={fe.baseUrl} hint={chosen.base ? t('baseUrlEmpty', { base: chosen.base }) : t('baseUrlProxy', { example: LITELLM_EXAMPLE })}>
        <Input id="conn-baseUrl" name="baseUrl" placeholder={chosen.base || LITELLM_EXAMPLE} defaultValue={v.baseUrl} aria-invalid={Boolean(fe.baseUrl)} aria-describedby={describedBy('conn-baseUrl', fe.baseUrl, true)} />
      </Field>
      {source === 'copilot' ? (
        <Field label={t('githubOrganisation')} name="conn-organization" error={fe.organization}>
          <Input id="conn-organization" name="organization" defaultValue={v.organization} aria-invalid={Boolean(fe.organization)} aria-describedby={describedBy('conn-organization', fe.organization)} />
        </Field>
      ) : null}
      <Field label={t('credential')} name="conn-credential" error={fe.credential} hint={t('credentialHint', { what: t(`credentials.${source}`) })}>
        <Input id="conn-credential" name="credential" type="password" autoComplete="off" aria-invalid={Boolean(fe.credential)} aria-describedby={describedBy('conn-credential', fe.credential, true)} />
      </Field>
    </>
  );
}

function AddConnection() {
  const t = useTranslations('admin.connections');
  const st = useServerText();
  const [state, action, pending] = useActionState(addConnectionAction, initialState);
  const values = state.values ?? {};
  return (
    <form action={action} className="grid gap-3 md:grid-cols-2" aria-label={t('addLabel')} noValidate>
      <ConnectionFields key={`${JSON.stringify(values)}|${state.message ?? ''}`} values={values} errors={state.fieldErrors ?? {}} />
      <div className="flex items-end gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>{pending ? t('connecting') : t('connect')}</Button>
        {state.error ? <p role="alert" className="text-sm text-danger">{st(state.error)}</p> : null}
        {state.message ? <p role="status" className="text-sm text-success">{st(state.message)}</p>
 : null}
      </div>
    </form>
  );
}

function ConnectionActions({ c }: { c: ConnectionRow }) {
  const t = useTranslations('admin.connections');
  return (
    <div className="space-y-2">
      <ActionForm action={pullNowAction} label={t('pullLabel', { name: c.name })}>
        <input type="hidden" name="connectionId" value={c.id} />
        <Button type="submit" size="sm" variant="secondary">{t('pullNow')}</Button>
      </ActionForm>
      <ActionForm action={replaceCredentialAction} label={t('replaceLabel', { name: c.name })}>
        <input type="hidden" name="connectionId" value={c.id} />
        <Input name="credential" type="password" autoComplete="off" aria-label={t('newCredentialFor', { name: c.name })} placeholder={t('newCredential')} className="h-8 w-48" />
        <Button type="submit" size="sm" variant="secondary">{t('replace')}</Button>
      </ActionForm>
      <ActionForm action={deleteConnectionAction} label={t('removeLabel', { name: c.name })} confirm={t('removeConfirm', { name: c.name })}>
        <input type="hidden" name="connectionId" value={c.id} />
        <Button type="submit" size="sm" variant="danger">{t('remove')}</Button>
      </ActionForm>
    </div>
  );
}

/** The Connections card of /admin/usage: vendor APIs Uplift pulls every day (the job usage-pull). */
export function UsageConnections({ connections }: { connections: ConnectionRow[] }) {
  const t = useTranslations('admin.connections');
  return (
    <Card aria-labelledby="usage-connections-title">
      <CardHeader
        title={<span id="usage-connections-title">{t('title')}</span>}
        description={t('description')}
      />
      {connections.length ? (
        <Table aria-label={t('tableLabel')}>
          <thead>
            <tr>
              <Th>{t('connection')}</Th>
              <Th>{t('source')}</Th>
              <Th>{t('credential')}</Th>
              <Th>{t('importedThrough')}</Th>
              <Th>{t('lastPull')}</Th>
              <Th><span className="sr-only">{t('actions')}</span></Th>
            </tr>
          </thead>
          <tbody>
            {connections.map((c) => (
              <tr key={c.id}>
                <Td>
                  <div className="font-medium">{c.name}</div>
                  <div className="break-all text-xs text-muted-foreground">{c.baseUrl}{c.organization ? ` · ${c.organization}` : ''}</div>
                </Td>
                <Td>{labelOf(c.source)}</Td>
                <Td>{c.credentialSet ? <Badge tone="success">{t('set')}</Badge> : <Badge tone="warning">{t('missing')}</Badge>}</Td>
                <Td className="tabular-nums">{c.lastImportedDate ?? '—'}</Td>
                <Td>
                  <div className="tabular-nums">{c.lastPulledAt ? c.lastPulledAt.slice(0, 16).replace('T', ' ') : t('never')}</div>
                  {c.lastError ? <p className="max-w-md text-xs text-danger">{c.lastError}</p> : c.lastPulledAt ? <p className="text-xs text-success">{t('ok')}</p> : null}
                </Td>
                <Td><ConnectionActions c={c} /></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="mb-4 text-sm text-muted-foreground">{t('empty')}</p>
      )}
      <h3 className="mb-2 mt-6 text-sm font-semibold">{t('addTitle')}</h3>
      <AddConnection />
    </Card>
  );
}
