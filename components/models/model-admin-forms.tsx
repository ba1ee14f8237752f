'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Card, CardHeader } from '@/components/ui/card';
import { describedBy, Field, Input, InputField } from '@/components/ui/field';
import { initialState, type ActionState } from '@/lib/action-state';
import { SubmitRow } from '@/components/forms/submit-row';

type Action = (prev: ActionState, formData: FormData) => Promise<ActionState>;

type BenchmarkChoice = { key: string; name: string; unit: string; perEffort: boolean };


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
  const t = useTranslations('models.adminForms');
  const tb = useTranslations('models.benchmarkEdit');
  const unitHint = (unit: string | undefined) => (unit === 'percent' || unit === undefined ? '%' : unit === 'index' ? tb('unitIndex') : unit === 'minutes' ? tb('unitMinutes') : unit);
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
        <CardHeader title={t('priceTitle')} description={t('priceDescription')} />
        <form action={priceAction} aria-label={t('priceTitle')} className="grid grid-cols-2 gap-3">
          <input type="hidden" name="modelId" value={modelId} />
          <InputField label={t('effectiveDate')} name="effectiveDate" error={pe.effectiveDate} type="date" required defaultValue={price.values?.effectiveDate ?? today} />
          <div />
          <InputField label={t('input')} name="input" error={pe.input} inputMode="decimal" required defaultValue={price.values?.input} />
          <InputField label={t('output')} name="output" error={pe.output} inputMode="decimal" required defaultValue={price.values?.output} />
          <div className="col-span-2">
            <Field label={t('note')} name="note" error={pe.note}>
              <Input id="note" name="note" defaultValue={price.values?.note} />
            </Field>
          </div>
          <SubmitRow state={price} pending={pricePending} className="col-span-2">
            {t('savePrice')}
          </SubmitRow>
        </form>
      </Card>
      <Card>
        <CardHeader title={t('scoreTitle')} description={t('scoreDescription')} />
        <form action={benchAction} aria-label={t('scoreTitle')} className="grid grid-cols-2 gap-3">
          <input type="hidden" name="modelId" value={modelId} />
          <div className="col-span-2">
            <Field label={t('benchmark')} name="benchmark" error={be.benchmark}>
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
          <InputField label={t('score', { unit: unitHint(chosen?.unit) })} name="score" error={be.score} inputMode="decimal" required defaultValue={bench.values?.score} />
          <InputField
            label={t('effort')}
            name="effort"
            error={be.effort}
            hint={effortAllowed ? t('effortHint') : t('effortOnce')}
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
            <Field label={t('source')} name="source" error={be.source}>
              <Input id="source" name="source" placeholder={t('sourcePlaceholder')} defaultValue={bench.values?.source} />
            </Field>
          </div>
          <SubmitRow state={bench} pending={benchPending} className="col-span-2">
            {t('saveScore')}
          </SubmitRow>
        </form>
      </Card>
    </div>
  );
}
