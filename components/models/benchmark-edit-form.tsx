'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionResult } from '@/components/forms/action-result';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select, Textarea } from '@/components/ui/field';
import { MEASURE_LABELS } from '@/lib/catalog/benchmark-labels';
import type { BenchmarkDefinition } from '@/lib/catalog/benchmarks';
import { initialState, type ActionState } from '@/lib/action-state';

/** A benchmark as stored: the catalog definition's fields an admin may correct, with its source and last change. */
export type EditableBenchmark = Pick<
  BenchmarkDefinition,
  'key' | 'name' | 'description' | 'randomBaseline' | 'scoreCeiling' | 'supersededBy' | 'humanExpert' | 'humanNonExpert' | 'humanBaselineSource' | 'defaultAxis'
> & { measures: string; unit: string; source: string; updatedAt: string };

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const text = (v: number | string | null) => (v == null ? '' : String(v));

/** One benchmark's metadata, as an admin corrects it (key and unit stay: its scores are stored in that unit). */
export function BenchmarkEditForm({ benchmark: b, others, action }: { benchmark: EditableBenchmark; others: { key: string; name: string }[]; action: Action }) {
  const t = useTranslations('models.benchmarkEdit');
  const [state, formAction, pending] = useActionState(action, initialState);
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const id = (field: string) => `${b.key}-${field}`;
  const unit = b.unit === 'percent' ? '%' : b.unit === 'index' ? t('unitIndex') : t('unitMinutes');
  const num = (field: keyof EditableBenchmark, label: string) => (
    <Field label={`${label} (${unit})`} name={id(field)} error={e[field]}>
      <Input id={id(field)} name={field} inputMode="decimal" defaultValue={v[field] ?? text(b[field] as number | null)} aria-invalid={!!e[field]} aria-describedby={describedBy(id(field), e[field])} />
    </Field>
  );
  return (
    <form action={formAction} aria-label={t('formLabel', { name: b.name })} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="key" value={b.key} />
      <input type="hidden" name="updatedAt" value={b.updatedAt} />
      <Field label={t('name')} name={id('name')} error={e.name}>
        <Input id={id('name')} name="name" required maxLength={80} defaultValue={v.name ?? b.name} aria-invalid={!!e.name} aria-describedby={describedBy(id('name'), e.name)} />
      </Field>
      <Field label={t('measures')} name={id('measures')} error={e.measures}>
        <Select id={id('measures')} name="measures" defaultValue={v.measures ?? b.measures}>
          {Object.keys(MEASURE_LABELS).map((key) => (
            <option key={key} value={key}>{t(`measure.${key as keyof typeof MEASURE_LABELS}`)}</option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2">
        <Field label={t('description')} name={id('description')} error={e.description}>
          <Textarea id={id('description')} name="description" required defaultValue={v.description ?? b.description} aria-invalid={!!e.description} aria-describedby={describedBy(id('description'), e.description)} />
        </Field>
      </div>
      {num('randomBaseline', t('randomBaseline'))}
      {num('scoreCeiling', t('scoreCeiling'))}
      {num('humanExpert', t('humanExpert'))}
      {num('humanNonExpert', t('humanNonExpert'))}
      <Field label={t('humanBaselineSource')} name={id('humanBaselineSource')} error={e.humanBaselineSource}>
        <Input id={id('humanBaselineSource')} name="humanBaselineSource" defaultValue={v.humanBaselineSource ?? text(b.humanBaselineSource)} />
      </Field>
      <Field label={t('supersededBy')} name={id('supersededBy')} error={e.supersededBy}>
        <Select id={id('supersededBy')} name="supersededBy" defaultValue={v.supersededBy ?? text(b.supersededBy)} aria-invalid={!!e.supersededBy} aria-describedby={describedBy(id('supersededBy'), e.supersededBy)}>
          <option value="">{t('supersededByNothing')}</option>
          {others.map((o) => (
            <option key={o.key} value={o.key}>{o.name}</option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2">
        <Field label={t('source')} name={id('source')} error={e.source}>
          <Input id={id('source')} name="source" required defaultValue={v.source ?? b.source} aria-invalid={!!e.source} aria-describedby={describedBy(id('source'), e.source)} />
        </Field>
      </div>
      <div className="sm:col-span-2 space-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="defaultAxis" defaultChecked={b.defaultAxis} aria-describedby={e.defaultAxis ? id('defaultAxis-error') : undefined} />
          {t('defaultAxis')}
        </label>
        {e.defaultAxis ? (
          <p id={id('defaultAxis-error')} role="alert" className="text-sm text-danger">{e.defaultAxis.join(' ')}</p>
        ) : null}
      </div>
      <div className="sm:col-span-2 flex items-center gap-3">
        <Button type="submit" disabled={pending}>{t('save', { name: b.name })}</Button>
        <ActionResult state={state} />
      </div>
    </form>
  );
}
