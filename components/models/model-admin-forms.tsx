'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { describedBy, Field, Input } from '@/components/ui/field';
import { initialState, type ActionState } from '@/lib/action-state';
import { ActionResult } from '@/components/forms/action-result';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

/** Admin-only: record a price change with its effective date, and a benchmark score. */
export function ModelAdminForms({ modelId, today, addPrice, addBenchmark }: { modelId: number; today: string; addPrice: Action; addBenchmark: Action }) {
  const [price, priceAction, pricePending] = useActionState(addPrice, initialState);
  const [bench, benchAction, benchPending] = useActionState(addBenchmark, initialState);
  const pe = price.fieldErrors ?? {};
  const be = bench.fieldErrors ?? {};
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-2">
      <Card>
        <CardHeader title="Add a price change" description="The list price per million tokens from the date it took effect." />
        <form action={priceAction} aria-label="Add a price change" className="grid grid-cols-2 gap-3">
          <input type="hidden" name="modelId" value={modelId} />
          <Field label="Effective date" name="effectiveDate" error={pe.effectiveDate}>
            <Input id="effectiveDate" name="effectiveDate" type="date" required defaultValue={price.values?.effectiveDate ?? today} aria-invalid={!!pe.effectiveDate} aria-describedby={describedBy('effectiveDate', pe.effectiveDate)} />
          </Field>
          <div />
          <Field label="Input $ per M tokens" name="input" error={pe.input}>
            <Input id="input" name="input" inputMode="decimal" required defaultValue={price.values?.input} aria-invalid={!!pe.input} aria-describedby={describedBy('input', pe.input)} />
          </Field>
          <Field label="Output $ per M tokens" name="output" error={pe.output}>
            <Input id="output" name="output" inputMode="decimal" required defaultValue={price.values?.output} aria-invalid={!!pe.output} aria-describedby={describedBy('output', pe.output)} />
          </Field>
          <div className="col-span-2">
            <Field label="Note (where the price comes from)" name="note" error={pe.note}>
              <Input id="note" name="note" defaultValue={price.values?.note} />
            </Field>
          </div>
          <div className="col-span-2 flex items-center gap-3">
            <Button type="submit" disabled={pricePending}>
              Save price
            </Button>
            <ActionResult state={price} />
          </div>
        </form>
      </Card>
      <Card>
        <CardHeader title="Add a benchmark score" description="Replaces this model's GPQA Diamond score. Name the source." />
        <form action={benchAction} aria-label="Add a benchmark score" className="grid grid-cols-2 gap-3">
          <input type="hidden" name="modelId" value={modelId} />
          <input type="hidden" name="benchmark" value="gpqa_diamond" />
          <Field label="GPQA Diamond (%)" name="score" error={be.score}>
            <Input id="score" name="score" inputMode="decimal" required defaultValue={bench.values?.score} aria-invalid={!!be.score} aria-describedby={describedBy('score', be.score)} />
          </Field>
          <Field label="Source" name="source" error={be.source}>
            <Input id="source" name="source" placeholder="e.g. Epoch AI Benchmarking Hub" defaultValue={bench.values?.source} />
          </Field>
          <div className="col-span-2 flex items-center gap-3">
            <Button type="submit" disabled={benchPending}>
              Save score
            </Button>
            <ActionResult state={bench} />
          </div>
        </form>
      </Card>
    </div>
  );
}
