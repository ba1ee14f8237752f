'use client';

import { useEffect, useRef, useState } from 'react';
import { Card, CardHeader } from '@/components/ui/card';
import type { BlockerBenchmark } from '@/db/queries/models/blocker-benchmark';
import { DEFAULT_BLOCKER_BENCHMARK } from '@/lib/metrics/blocker-benchmark';
import { ExperimentSelectField as SelectField, ExperimentTextAreaField as TextAreaField, ExperimentTextField as TextField, fieldName } from './experiment-fields';

const FITS: Record<string, string> = { general: 'general work', science: 'science', coding: 'coding', maths: 'maths' };

type Props = {
  benchmarks: BlockerBenchmark[];
  values: Record<string, string>;
  errors?: Record<string, string[] | undefined>;
};

/**
 * "The model was not capable enough": what was missing, the benchmark that fits the task with a bar on it,
 * and a price ceiling. Warns when a blocked experiment has no end date (the radar then counts models newer
 * than its start). Listens to the whole form for the end date, which lives in another card.
 */
export function BlockerFields({ benchmarks, values, errors }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [blocked, setBlocked] = useState(values.blockedByModel === 'on');
  const [endDate, setEndDate] = useState(values.endDate ?? '');
  const [benchmark, setBenchmark] = useState(values.blockerBenchmark || DEFAULT_BLOCKER_BENCHMARK);
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return;
    const onChange = (e: Event) => {
      const t = e.target as HTMLInputElement;
      if (t.name === 'blockedByModel') setBlocked(t.checked);
      else if (t.name === 'endDate') setEndDate(t.value);
      else if (t.name === 'blockerBenchmark') setBenchmark(t.value);
    };
    form.addEventListener('input', onChange);
    form.addEventListener('change', onChange);
    return () => {
      form.removeEventListener('input', onChange);
      form.removeEventListener('change', onChange);
    };
  }, []);
  const chosen = benchmarks.find((b) => b.key === benchmark);
  const unit = chosen?.unit === 'percent' ? ' (%)' : chosen ? ' (index points)' : '';
  const field = { values: { ...values, blockerBenchmark: benchmark }, errors };
  return (
    <Card>
      <div ref={ref}>
        <CardHeader title="Blocker" description="Was the model not capable enough? Say what was missing and pick the benchmark that fits the task: the re-test radar flags newer models that clear the bar on it." />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={fieldName('blockedByModel')} defaultChecked={values.blockedByModel === 'on'} /> The model was not capable enough
        </label>
        {blocked && !endDate ? (
          <p role="status" data-testid="blocker-no-end-date" className="mt-2 rounded-md border border-warning bg-warning/10 p-2 text-sm">
            No end date: the re-test radar will compare models released after the start date instead. Add the date the experiment stopped
            so it only suggests models that came out since.
          </p>
        ) : null}
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          <div className="md:col-span-3">
            <TextAreaField name="blockerMissing" label="What was missing" maxLength={2000} rows={2} {...field} />
          </div>
          <SelectField
            name="blockerBenchmark"
            label="Benchmark that fits the task"
            hint="SWE-bench Verified for coding, FrontierMath or AIME for maths, GPQA Diamond for science, the ECI for general work."
            options={benchmarks.map((b) => [b.key, `${b.name} — ${FITS[b.measures] ?? b.measures}`] as const)}
            {...field}
          />
          <TextField name="blockerMinScore" label={`Capability bar: ${chosen?.name ?? 'score'}${unit}`} hint={chosen?.unit === 'percent' ? 'Optional, e.g. 80.' : 'Optional, e.g. 150.'} inputMode="decimal" {...field} />
          <TextField name="blockerMaxPriceUsd" label="Price ceiling (USD per million tokens)" hint="Optional, blended 3:1 input:output." inputMode="decimal" {...field} />
        </div>
      </div>
    </Card>
  );
}
