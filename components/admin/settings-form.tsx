'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { updateSettingsAction } from '@/app/(app)/admin/actions';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, describedBy } from '@/components/ui/field';
import { initialState } from '@/lib/action-state';
import { ActionResult } from '@/components/forms/action-result';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;

type Settings = { name: string; currency: string; timeZone: string; fiscalYearStartMonth: number };

export function SettingsForm({ settings }: { settings: Settings }) {
  const t = useTranslations('admin.settings');
  const [state, action, pending] = useActionState(updateSettingsAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.values ?? {};
  return (
    <form action={action} className="grid gap-3 md:grid-cols-4" aria-label={t('formLabel')} noValidate>
      <Field label={t('name')} name="org-name" error={fe.name} hint={t('nameHint')}>
        <Input id="org-name" name="name" defaultValue={v.name ?? settings.name} aria-invalid={Boolean(fe.name)} aria-describedby={describedBy('org-name', fe.name, true)} />
      </Field>
      <Field label={t('currency')} name="currency" error={fe.currency} hint={t('currencyHint')}>
        <Input id="currency" name="currency" defaultValue={v.currency ?? settings.currency} maxLength={3} aria-invalid={Boolean(fe.currency)} aria-describedby={describedBy('currency', fe.currency, true)} />
      </Field>
      <Field label={t('timeZone')} name="timeZone" error={fe.timeZone} hint={t('timeZoneHint')}>
        <Input id="timeZone" name="timeZone" defaultValue={v.timeZone ?? settings.timeZone} aria-invalid={Boolean(fe.timeZone)} aria-describedby={describedBy('timeZone', fe.timeZone, true)} />
      </Field>
      <Field label={t('fiscalYearStart')} name="fiscalYearStartMonth" error={fe.fiscalYearStartMonth}>
        <Select id="fiscalYearStartMonth" name="fiscalYearStartMonth" defaultValue={v.fiscalYearStartMonth ?? String(settings.fiscalYearStartMonth)}>
          {MONTHS.map((m, i) => (
            <option key={m} value={i + 1}>
              {t(`months.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="md:col-span-4 flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : t('submit')}
        </Button>
        <ActionResult state={state} />
      </div>
    </form>
  );
}
