'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select } from '@/components/ui/field';
import { initialState, type ActionState } from '@/lib/action-state';
import type { ModelDescription } from '@/db/schema/models';
import { DATA_POLICY_LABEL } from '@/lib/labels';

export type ModelFormValues = ModelDescription & {
  id?: number;
  trainingFlop: number | null;
  contextWindow: number | null;
};

type Props = { action: (prev: ActionState, formData: FormData) => Promise<ActionState>; model?: ModelFormValues; vendors: string[]; submitLabel: string };

/** Add or edit a catalog model. Prices and scores have their own forms on the model page (they carry dates and sources). */
export function ModelForm({ action, model, vendors, submitLabel }: Props) {
  const t = useTranslations('models.form');
  const tl = useTranslations('labels');
  const [state, formAction, pending] = useActionState(action, initialState);
  const e = state.fieldErrors ?? {};
  const v = (k: keyof ModelFormValues) => state.values?.[k] ?? (model?.[k] == null ? '' : String(model[k]));
  const text = (name: keyof ModelFormValues, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} name={name} error={e[name]}>
      <Input id={name} name={name} defaultValue={v(name)} aria-invalid={!!e[name]} aria-describedby={describedBy(name, e[name])} {...extra} />
    </Field>
  );
  return (
    <form action={formAction} aria-label={submitLabel} className="grid max-w-3xl gap-4 md:grid-cols-2">
      {model?.id ? <input type="hidden" name="id" value={model.id} /> : null}
      {text('name', t('name'), { required: true })}
      {text('slug', t('slug'), { required: true, placeholder: t('slugPlaceholder') })}
      {text('vendor', t('vendor'), { required: true, list: 'vendors' })}
      <datalist id="vendors">
        {vendors.map((x) => (
          <option key={x} value={x} />
        ))}
      </datalist>
      {text('releaseDate', t('releaseDate'), { type: 'date', required: true })}
      {text('trainingFlop', t('trainingFlop'), { placeholder: t('trainingFlopPlaceholder') })}
      {text('contextWindow', t('contextWindow'), { inputMode: 'numeric' })}
      <Field label={t('dataPolicy')} name="dataPolicy" error={e.dataPolicy}>
        <Select id="dataPolicy" name="dataPolicy" defaultValue={v('dataPolicy') || 'unknown'}>
          {(Object.keys(DATA_POLICY_LABEL) as (keyof typeof DATA_POLICY_LABEL)[]).map((k) => (
            <option key={k} value={k}>
              {tl(`dataPolicy.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-end gap-4 pb-2">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="reasoning" defaultChecked={state.values ? state.values.reasoning === 'on' : model?.reasoning} /> {t('reasoning')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="openWeights" defaultChecked={state.values ? state.values.openWeights === 'on' : model?.openWeights} /> {t('openWeights')}
        </label>
      </div>
      <div className="flex items-center gap-3 md:col-span-2">
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
        {state.error ? (
          <p role="alert" className="text-sm text-danger">
            {state.error}
          </p>
        ) : null}
      </div>
    </form>
  );
}
