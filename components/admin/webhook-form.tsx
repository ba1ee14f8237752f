'use client';

import { useActionState } from 'react';
import { createWebhookAction } from '@/app/(app)/admin/webhook-actions';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { initialState } from '@/lib/action-state';
import { ALERT_EVENTS, ALERT_LABELS } from '@/lib/metrics/alert-events';
import { FORMAT_LABELS, WEBHOOK_FORMATS } from '@/lib/webhooks/payload';

/** Adds a webhook: name, format, URL and the alerts it receives; the answer shows the signing secret once. */
export function WebhookForm() {
  const [state, action, pending] = useActionState(createWebhookAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.ok ? {} : (state.values ?? {});
  const checked = (e: string) => (state.values ? v[`event_${e}`] === 'on' : true);
  return (
    <form action={action} className="space-y-3" aria-label="Add a webhook" noValidate key={state.ok ? state.message : 'form'}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Name" name="webhook-name" error={fe.name}>
          <Input id="webhook-name" name="name" defaultValue={v.name} placeholder="#ai-adoption" aria-invalid={Boolean(fe.name)} aria-describedby={describedBy('webhook-name', fe.name)} />
        </Field>
        <Field label="Format" name="webhook-format" error={fe.format}>
          <Select id="webhook-format" name="format" defaultValue={v.format ?? 'slack'}>
            {WEBHOOK_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_LABELS[f]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Webhook URL" name="webhook-url" error={fe.url} hint="https only. Addresses of the cloud's metadata service and link-local addresses are refused.">
        <Input
          id="webhook-url"
          name="url"
          type="url"
          defaultValue={v.url}
          placeholder="https://hooks.slack.com/services/…"
          aria-invalid={Boolean(fe.url)}
          aria-describedby={describedBy('webhook-url', fe.url, true)}
        />
      </Field>
      <fieldset aria-describedby={fe.events ? 'webhook-events-error' : undefined}>
        <legend className="text-sm font-medium">Alerts it receives</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {ALERT_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={`event_${e}`} defaultChecked={checked(e)} className="h-4 w-4" />
              {ALERT_LABELS[e].label}
            </label>
          ))}
        </div>
        {fe.events ? (
          <p id="webhook-events-error" role="alert" className="text-sm text-danger">
            {fe.events.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? 'Checking the URL…' : 'Add webhook'}
      </Button>
      {state.error && !Object.keys(fe).length ? (
        <p role="alert" className="text-sm text-danger">
          {state.error}
        </p>
      ) : null}
      {state.message ? (
        <p role="status" className="break-all text-sm text-success" data-testid="webhook-created">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
