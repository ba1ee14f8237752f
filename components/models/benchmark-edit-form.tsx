'use client';

import { useActionState } from 'react';
import { ActionResult } from '@/components/forms/action-result';
import { Button } from '@/components/ui/button';
import { describedBy, Field, Input, Select, Textarea } from '@/components/ui/field';
import { MEASURE_LABELS } from '@/lib/catalog/benchmark-labels';
import { initialState, type ActionState } from '@/lib/action-state';

export type EditableBenchmark = {
  key: string;
  name: string;
  measures: string;
  description: string;
  unit: string;
  randomBaseline: number | null;
  scoreCeiling: number | null;
  supersededBy: string | null;
  humanExpert: number | null;
  humanNonExpert: number | null;
  humanBaselineSource: string | null;
  source: string;
  defaultAxis: boolean;
  updatedAt: string;
};

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const text = (v: number | string | null) => (v == null ? '' : String(v));

/** One benchmark's metadata, as an admin corrects it (key and unit stay: its scores are stored in that unit). */
export function BenchmarkEditForm({ benchmark: b, others, action }: { benchmark: EditableBenchmark; others: { key: string; name: string }[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const e = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const id = (field: string) => `${b.key}-${field}`;
  const unit = b.unit === 'percent' ? '%' : b.unit === 'index' ? 'index points' : 'minutes';
  const num = (field: keyof EditableBenchmark, label: string) => (
    <Field label={`${label} (${unit})`} name={id(field)} error={e[field]}>
      <Input id={id(field)} name={field} inputMode="decimal" defaultValue={v[field] ?? text(b[field] as number | null)} aria-invalid={!!e[field]} aria-describedby={describedBy(id(field), e[field])} />
    </Field>
  );
  return (
    <form action={formAction} aria-label={`Edit ${b.name}`} className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="key" value={b.key} />
      <input type="hidden" name="updatedAt" value={b.updatedAt} />
      <Field label="Name" name={id('name')} error={e.name}>
        <Input id={id('name')} name="name" required maxLength={80} defaultValue={v.name ?? b.name} aria-invalid={!!e.name} aria-describedby={describedBy(id('name'), e.name)} />
      </Field>
      <Field label="Measures" name={id('measures')} error={e.measures}>
        <Select id={id('measures')} name="measures" defaultValue={v.measures ?? b.measures}>
          {Object.entries(MEASURE_LABELS).map(([key, label]) => (
            <option key={key} value={key}>{label}</option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2">
        <Field label="What it measures" name={id('description')} error={e.description}>
          <Textarea id={id('description')} name="description" required defaultValue={v.description ?? b.description} aria-invalid={!!e.description} aria-describedby={describedBy(id('description'), e.description)} />
        </Field>
      </div>
      {num('randomBaseline', 'Random-guess baseline')}
      {num('scoreCeiling', 'Score ceiling')}
      {num('humanExpert', 'Human expert baseline')}
      {num('humanNonExpert', 'Human non-expert baseline')}
      <Field label="Source of the human baselines" name={id('humanBaselineSource')} error={e.humanBaselineSource}>
        <Input id={id('humanBaselineSource')} name="humanBaselineSource" defaultValue={v.humanBaselineSource ?? text(b.humanBaselineSource)} />
      </Field>
      <Field label="Superseded by" name={id('supersededBy')} error={e.supersededBy}>
        <Select id={id('supersededBy')} name="supersededBy" defaultValue={v.supersededBy ?? text(b.supersededBy)} aria-invalid={!!e.supersededBy} aria-describedby={describedBy(id('supersededBy'), e.supersededBy)}>
          <option value="">Nothing (current)</option>
          {others.map((o) => (
            <option key={o.key} value={o.key}>{o.name}</option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2">
        <Field label="Source" name={id('source')} error={e.source}>
          <Input id={id('source')} name="source" required defaultValue={v.source ?? b.source} aria-invalid={!!e.source} aria-describedby={describedBy(id('source'), e.source)} />
        </Field>
      </div>
      <div className="sm:col-span-2 space-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="defaultAxis" defaultChecked={b.defaultAxis} aria-describedby={e.defaultAxis ? id('defaultAxis-error') : undefined} />
          Charts and the catalog open on this benchmark
        </label>
        {e.defaultAxis ? (
          <p id={id('defaultAxis-error')} role="alert" className="text-sm text-danger">{e.defaultAxis.join(' ')}</p>
        ) : null}
      </div>
      <div className="sm:col-span-2 flex items-center gap-3">
        <Button type="submit" disabled={pending}>Save {b.name}</Button>
        <ActionResult state={state} />
      </div>
    </form>
  );
}
