'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { createWebhookAction, updateWebhookAction } from '@/app/(app)/admin/webhook-actions';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { useServerText } from '@/i18n/use-server-text';
import { initialState } from '@/lib/action-state';
import { ALERT_EVENTS } from '@/lib/metrics/alert-events';
import { WEBHOOK_FORMATS } from '@/lib/webhooks/payload';

type Editing = { id: number; name: string; format: string; events: string[] };

/**
 * Adds a webhook: name, format, URL and the alerts it receives; the answer shows the signing secret once. With
 * `hook`, edits that one: a blank URL keeps the stored one (shown masked), a typed one is checked like a new one.
 */
export function WebhookForm({ hook }: { hook?: Editing }) {
  const t = useTranslations('admin.webhooks');
  const st = useServerText();
  const [state, action, pending] = useActionState(hook ? updateWebhookAction : createWebhookAction, initialState);
  const fe = state.fieldErrors ?? {};
  // After a save the edit form shows what was saved; after an add the add form is blank again.
  const v: Record<string, string | undefined> = state.values ?? (hook ? { name: hook.name, format: hook.format } : {});
  const checked = (e: string) => (state.values ? v[`event_${e}`] === 'on' : hook ? hook.events.includes(e) : true);
  const id = (field: string) => `webhook-${hook ? `${hook.id}-` : ''}${field}`;
  return (
    <form action={action} className="space-y-3" aria-label={hook ? t('editLabel', { name: hook.name }) : t('addLabel')} noValidate key={state.ok && !hook ? state.message : 'form'}>
      {hook ? <input type="hidden" name="id" value={hook.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('name')} name={id('name')} error={fe.name}>
          <Input id={id('name')} name="name" defaultValue={v.name} placeholder={t('namePlaceholder')} aria-invalid={Boolean(fe.name)} aria-describedby={describedBy(id('name'), fe.name)} />
        </Field>
        <Field label={t('format')} name={id('format')} error={fe.format}>
          <Select id={id('format')} name="format" defaultValue={v.format ?? 'slack'}>
            {WEBHOOK_FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`formats.${f}`)}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field
        label={hook ? t('newUrl') : t('url')}
        name={id('url')}
        error={fe.url}
        hint={hook ? t('urlHintEdit') : t('urlHint')}
      >
        <Input
          id={id('url')}
          name="url"
          type="url"
          defaultValue={v.url}
          placeholder={t('urlPlaceholder')}
          aria-invalid={Boolean(fe.url)}
          aria-describedby={describedBy(id('url'), fe.url, true)}
        />
      </Field>
      <fieldset aria-describedby={fe.events ? id('events-error') : undefined}>
        <legend className="text-sm font-medium">{t('eventsLegend')}</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {ALERT_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`event_${e}`} defaultChecked={checked(e)} className="h-4 w-4" />
              {t(`events.${e}`)}
            </label>
          ))}
        </div>
        {fe.events ? (
          <p id={id('events-error')} role="alert" className="text-sm text-danger">
            {fe.events.map(st).join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? t('checking') : hook ? t('save') : t('add')}
      </Button>
      {state.error && !Object.keys(fe).length ? (
        <p role="alert" className="text-sm text-danger">
          {st(state.error)}
        </p>
      ) : null}
      {state.message ? (
        <p role="status" className="break-all text-sm text-success" data-testid={hook ? undefined : 'webhook-created'}>
          {st(state.message)}

        </p>
      ) : null}
    </form>
  );
}
