'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Card, CardHeader } from '@/components/ui/card';
import type { BlockerBenchmark } from '@/db/queries/models/blocker-benchmark';
import { DEFAULT_BLOCKER_BENCHMARK } from '@/lib/metrics/blocker-benchmark';
import { ExperimentSelectField as SelectField, ExperimentTextAreaField as TextAreaField, ExperimentTextField as TextField, fieldName } from './experiment-fields';

// What each benchmark suits, as the catalog names it (experiments.blocker.fits.*).
const FITS = ['general', 'science', 'coding', 'maths'] as const;
const isFit = (measures: string): measures is (typeof FITS)[number] => (FITS as readonly string[]).includes(measures);

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
  const t = useTranslations('experiments.blocker');
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
  const unit = chosen?.unit === 'percent' ? t('unitPercent') : chosen ? t('unitPoints') : '';
  const field = { values: { ...values, blockerBenchmark: benchmark }, errors };
  return (
    <Card>
      <div ref={ref}>
        <CardHeader title={t('title')} description={t('description')} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name={fieldName('blockedByModel')} defaultChecked={values.blockedByModel === 'on'} /> {t('blocked')}
        </label>
        {blocked && !endDate ? (
          <p role="status" data-testid="blocker-no-end-date" className="mt-2 rounded-md border border-warning bg-warning/10 p-2 text-sm">
            {t('noEndDate')}
          </p>
        ) : null}
        <div className="mt-3 grid gap-4 md:grid-cols-3">
          <div className="md:col-span-3">
            <TextAreaField name="blockerMissing" label={t('missing')} maxLength={2000} rows={2} {...field} />
          </div>
          <SelectField
            name="blockerBenchmark"
            label={t('benchmark')}
            hint={t('benchmarkHint')}
            options={benchmarks.map((b) => [b.key, t('benchmarkOption', { name: b.name, fits: isFit(b.measures) ? t(`fits.${b.measures}`) : b.measures })] as const)}
            {...field}
          />
          <TextField name="blockerMinScore" label={t('bar', { benchmark: chosen?.name ?? t('score'), unit })} hint={chosen?.unit === 'percent' ? t('barHintPercent') : t('barHintPoints')} inputMode="decimal" {...field} />
          <TextField name="blockerMaxPriceUsd" label={t('ceiling')} hint={t('ceilingHint')} inputMode="decimal" {...field} />
        </div>
      </div>
    </Card>
  );
}
