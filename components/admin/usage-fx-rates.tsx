'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { setFxRateAction } from '@/app/(app)/admin/usage/rates/actions';
import { ActionResult } from '@/components/forms/action-result';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Field, Input, describedBy } from '@/components/ui/field';
import { Table, TableHead, Td, Th } from '@/components/ui/table';
import { initialState } from '@/lib/action-state';
import { formatMicros } from '@/lib/metrics/usage-currency';

export type FxRateView = { month: string; currency: string; rate: number; setBy: string };
export type MissingRateView = { month: string; currency: string; costMicros: number };

/**
 * Exchange rates for usage bills: the months whose bills wait for a rate, the rates set, and the form that sets one.
 * A card the /admin/usage page can render too (it takes its data as props).
 */
export function UsageFxRates({ reporting, rates, missing }: { reporting: string; rates: FxRateView[]; missing: MissingRateView[] }) {
  const t = useTranslations('admin.rates');
  const [state, action, pending] = useActionState(setFxRateAction, initialState);
  const fe = state.fieldErrors ?? {};
  const v = state.values ?? {};
  const first = missing[0];
  return (
    <Card data-testid="usage-fx-rates">
      <CardHeader
        title={t('cardTitle')}
        description={t('cardDescription', { reporting })}
      />
      {missing.length ? (
        <div className="mb-4">
          <h3 className="mb-1 text-sm font-semibold text-warning">{t('waiting')}</h3>
          <Table data-testid="fx-missing">
            <thead>
              <tr>
                <Th>{t('month')}</Th>
                <Th>{t('currency')}</Th>
                <Th className="text-right">{t('unconverted')}</Th>
              </tr>
            </thead>
            <tbody>
              {missing.map((m) => (
                <tr key={`${m.month}|${m.currency}`}>
                  <Td>{m.month}</Td>
                  <Td>{m.currency}</Td>
                  <Td className="num">{formatMicros(m.costMicros, m.currency)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      ) : (
        <p className="mb-4 text-sm text-muted-foreground">{t('allRated', { reporting })}</p>
      )}
      <form action={action} className="grid items-end gap-3 md:grid-cols-4" aria-label={t('formLabel')} noValidate>
        <Field label={t('month')} name="fx-month" error={fe.month}>
          <Input id="fx-month" name="month" type="month" defaultValue={v.month ?? first?.month ?? ''} aria-invalid={Boolean(fe.month)} aria-describedby={describedBy('fx-month', fe.month)} />
        </Field>
        <Field label={t('billsIn')} name="fx-currency" error={fe.currency}>
          <Input id="fx-currency" name="currency" maxLength={3} defaultValue={v.currency ?? first?.currency ?? ''} aria-invalid={Boolean(fe.currency)} aria-describedby={describedBy('fx-currency', fe.currency)} />
        </Field>
        <Field label={t('perUnit', { reporting })} name="fx-rate" error={fe.rate}>
          <Input id="fx-rate" name="rate" inputMode="decimal" defaultValue={v.rate ?? ''} aria-invalid={Boolean(fe.rate)} aria-describedby={describedBy('fx-rate', fe.rate)} />
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t('saving') : t('submit')}
          </Button>
        </div>
        <div className="md:col-span-4">
          <ActionResult state={state} />
        </div>
      </form>
      <h3 className="mb-1 mt-4 text-sm font-semibold">{t('ratesSet')}</h3>
      {rates.length ? (
        <Table data-testid="fx-rates">
          <TableHead columns={[t('month'), t('currency'), { label: t('rate'), numeric: true }, t('setBy')]} />
          <tbody>
            {rates.map((r) => (
              <tr key={`${r.month}|${r.currency}`}>
                <Td>{r.month}</Td>
                <Td>{r.currency}</Td>
                <Td className="num">
                  {t('rateValue', { currency: r.currency, rate: r.rate, reporting })}
                </Td>
                <Td>{r.setBy}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">{t('noRates')}</p>
      )}
    </Card>
  );
}
