'use client';

import { useActionState } from 'react';
import { updateSettingsAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { initialState } from '@/lib/action-state';
import { ActionResult } from '@/components/forms/action-result';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

type Settings = { name: string; currency: string; timeZone: string; fiscalYearStartMonth: number };

export function SettingsForm({ settings }: { settings: Settings }) {
  const [state, action, pending] = useActionState(updateSettingsAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} className="grid gap-3 md:grid-cols-4" aria-label="Organisation settings" noValidate>
      <Field label="Organisation name" name="org-name" error={fe.name} hint="Shown on reports.">
        <Input id="org-name" name="name" defaultValue={v.name ?? settings.name} aria-invalid={Boolean(fe.name)} aria-describedby={describedBy('org-name', fe.name, true)} />
      </Field>
      <Field label="Currency" name="currency" error={fe.currency} hint="ISO code, e.g. USD.">
        <Input id="currency" name="currency" defaultValue={v.currency ?? settings.currency} maxLength={3} aria-invalid={Boolean(fe.currency)} aria-describedby={describedBy('currency', fe.currency, true)} />
      </Field>
      <Field label="Time zone" name="timeZone" error={fe.timeZone} hint="e.g. Europe/London.">
        <Input id="timeZone" name="timeZone" defaultValue={v.timeZone ?? settings.timeZone} aria-invalid={Boolean(fe.timeZone)} aria-describedby={describedBy('timeZone', fe.timeZone, true)} />
      </Field>
      <Field label="Fiscal year starts in" name="fiscalYearStartMonth" error={fe.fiscalYearStartMonth}>
        <Select id="fiscalYearStartMonth" name="fiscalYearStartMonth" defaultValue={v.fiscalYearStartMonth ?? String(settings.fiscalYearStartMonth)}>
          {MONTHS.map((m, i) => (
            <option key={m} value={i + 1}>
              {m}
            </option>
          ))}
        </Select>
      </Field>
      <div className="md:col-span-4 flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
        <ActionResult state={state} />
      </div>
    </form>
  );
}
