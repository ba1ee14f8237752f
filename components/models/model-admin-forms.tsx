'use client';

import { useActionState, useState } from 'react';
import { Card, CardHeader } from '@/components/ui/card';
import { describedBy, Field, Input, InputField } from '@/components/ui/field';
import { initialState, type ActionState } from '@/lib/action-state';
import { SubmitRow } from '@/components/forms/submit-row';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

type BenchmarkChoice = { key: string; name: string; unit: string; perEffort: boolean };

const UNIT_HINT: Record<string, string> = { percent: '%', index: 'index points', minutes: 'minutes' };

/** Admin-only: record a price change with its effective date, and a score on any benchmark at one effort. */
export function ModelAdminForms({
  modelId,
  today,
  reasoning,
  benchmarks,
  addPrice,
  addBenchmark,
}: {
  modelId: number;
  today: string;
  reasoning: boolean;
  benchmarks: BenchmarkChoice[];
  addPrice: Action;
  addBenchmark: Action;
}) {
  const [price, priceAction, pricePending] = useActionState(addPrice, initialState);
  const [bench, benchAction, benchPending] = useActionState(addBenchmark, initialState);
  // React resets a form after its action, and a select only takes its default when it mounts: so the select is
  // mounted again for each result (`round`), defaulting to what was sent, and its choice is followed here.
  const [benchmarkKey, setBenchmarkKey] = useState(bench.values?.benchmark ?? 'gpqa_diamond');
  const [result, setResult] = useState(bench);
  const [round, setRound] = useState(0);
  if (result !== bench) {
    setResult(bench);
    setRound(round + 1);
    setBenchmarkKey(bench.values?.benchmark ?? 'gpqa_diamond');
  }
  const chosen = benchmarks.find((b) => b.key === benchmarkKey) ?? benchmarks[0];
  const effortAllowed = reasoning && !!chosen?.perEffort;
  const pe = price.fieldErrors ?? {};
  const be = bench.fieldErrors ?? {};
  return (
    <div className="mt-4 grid gap-4 md:grid-cols-2">
      <Card>
        <CardHeader title="Add a price change" description="The list price per million tokens from the date it took effect." />
        <form action={priceAction} aria-label="Add a price change" className="grid grid-cols-2 gap-3">
          <input type="hidden" name="modelId" value={modelId} />
          <InputField label="Effective date" name="effectiveDate" error={pe.effectiveDate} type="date" required defaultValue={price.values?.effectiveDate ?? today} />
          <div />
          <InputField label="Input $ per M tokens" name="input" error={pe.input} inputMode="decimal" required defaultValue={price.values?.input} />
          <InputField label="Output $ per M tokens" name="output" error={pe.output} inputMode="decimal" required defaultValue={price.values?.output} />
          <div className="col-span-2">
            <Field label="Note (where the price comes from)" name="note" error={pe.note}>
              <Input id="note" name="note" defaultValue={price.values?.note} />
            </Field>
          </div>
          <SubmitRow state={price} pending={pricePending} className="col-span-2">
            Save price
          </SubmitRow>
        </form>
      </Card>
      <Card>
        <CardHeader title="Add a benchmark score" description="Saved over this model's score on that benchmark at that effort. Name the source: a catalog sync never overwrites it silently." />
        <form action={benchAction} aria-label="Add a benchmark score" className="grid grid-cols-2 gap-3">
          <input type="hidden" name="modelId" value={modelId} />
          <div className="col-span-2">
            <Field label="Benchmark" name="benchmark" error={be.benchmark}>
              <select
                key={round}
                id="benchmark"
                name="benchmark"
                defaultValue={bench.values?.benchmark ?? 'gpqa_diamond'}
                onChange={(e) => setBenchmarkKey(e.target.value)}
                className="h-9 w-full rounded-md border border-border bg-background px-2 text-sm"
                aria-invalid={!!be.benchmark}
                aria-describedby={describedBy('benchmark', be.benchmark)}
              >
                {benchmarks.map((b) => (
                  <option key={b.key} value={b.key}>
                    {b.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <InputField label={`Score (${UNIT_HINT[chosen?.unit ?? 'percent'] ?? chosen?.unit})`} name="score" error={be.score} inputMode="decimal" required defaultValue={bench.values?.score} />
          <InputField
            label="Reasoning effort"
            name="effort"
            error={be.effort}
            hint={effortAllowed ? 'Empty when the source names none.' : 'Measured once per model: leave empty.'}
            list="effort-levels"
            defaultValue={bench.values?.effort}
            disabled={!effortAllowed}
          />
          <datalist id="effort-levels">
            {['none', 'minimal', 'low', 'medium', 'high', 'xhigh', '32K'].map((e) => (
              <option key={e} value={e} />
            ))}
          </datalist>
          <div className="col-span-2">
            <Field label="Source" name="source" error={be.source}>
              <Input id="source" name="source" placeholder="e.g. Epoch AI Benchmarking Hub" defaultValue={bench.values?.source} />
            </Field>
          </div>
          <SubmitRow state={bench} pending={benchPending} className="col-span-2">
            Save score
          </SubmitRow>
        </form>
      </Card>
    </div>
  );
}
