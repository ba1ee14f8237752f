import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TrendPriceStepsChart } from '@/components/charts/trend-price-steps';
import { DataAttribution } from '@/components/models/attribution';
import { ModelScores } from '@/components/models/model-scores';
import { ModelAdminForms } from '@/components/models/model-admin-forms';
import { SourceList } from '@/components/models/source-list';
import { ChannelPolicies } from '@/components/models/channel-policies';
import { ChannelPolicyForm } from '@/components/models/channel-policy-form';
import { listChannelPolicies } from '@/db/queries/models/channel-policies';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listBenchmarks, listModelScores } from '@/db/queries/models/benchmarks';
import { getModelBySlug, listModelBenchmarks, listModelExperiments, listModelPrices } from '@/db/queries/models/details';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { getFormat } from '@/i18n/format';
import { generationOf, PHONE_OPS_LABEL, phoneYears } from '@/lib/metrics/compute';
import { blendedPrice, priceSteps } from '@/lib/metrics/prices';
import { isoToday } from '@/lib/sources';
import { SLUG_PATTERN } from '@/lib/validation/model';
import { getYearsText } from '@/components/models/years-text';
import { addBenchmarkAction, addPriceAction, saveChannelPolicyAction } from '../actions';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations('models.model');
  return { title: t('metaTitle', { slug: (await params).slug }) };
}

const BENCHMARK_LABEL: Record<string, string> = { gpqa_diamond: 'GPQA Diamond' };

export default async function ModelPage({ params }: Props) {
  const user = await requirePermission('models.read');
  const { slug } = await params;
  // Not a slug (e.g. %00 in the URL): no model has it, and the database would refuse the text.
  if (!SLUG_PATTERN.test(slug)) notFound();
  const db = await getDb();
  const model = await getModelBySlug(db, slug);
  if (!model) notFound();
  const [prices, benchmarks, usedIn, registry, scores, channelPolicies] = await Promise.all([
    listModelPrices(db, model.id),
    listModelBenchmarks(db, model.id),
    listModelExperiments(db, model.id),
    listBenchmarks(db),
    listModelScores(db, model.id),
    listChannelPolicies(db, model.vendor),
  ]);
  const today = isoToday();
  const steps = priceSteps(
    prices.map((p) => ({ effectiveDate: p.effectiveDate, input: Number(p.inputUsdPerMtok), output: Number(p.outputUsdPerMtok) })),
    today,
  ).map((s) => ({ t: Date.parse(s.date), input: s.input, output: s.output, blended: s.blended }));
  const generation = generationOf(model.trainingFlop);
  const canWrite = hasPermission(user.role, 'models.write');
  const [t, tm, tl, f, yearsText] = await Promise.all([getTranslations('models.model'), getTranslations('models'), getTranslations('labels'), getFormat(), getYearsText()]);

  return (
    <>
      <PageHeader
        title={model.name}
        description={
          <>
            {t('released', { vendor: model.vendor, date: f.formatDate(model.releaseDate) })} {model.reasoning ? <Badge>{tm('badges.reasoning')}</Badge> : null}{' '}
            {model.openWeights ? <Badge>{tm('badges.openWeights')}</Badge> : null}
          </>
        }
        actions={
          <>
            <Link href="/models" className={buttonClasses('secondary', 'sm')}>
              {t('allModels')}
            </Link>
            {canWrite ? (
              <Link href={`/models/${model.slug}/edit`} className={buttonClasses('secondary', 'sm')}>
                {t('edit')}
              </Link>
            ) : null}
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title={t('priceHistory')} description={`${t('priceHistoryDescription')} ${tm('blendAssumption')}`} />
          {steps.length ? <TrendPriceStepsChart steps={steps} /> : <EmptyState title={t('noPrice')}>{t('noPriceDetail')}</EmptyState>}
          {prices.length ? (
            <Table className="mt-3">
              <thead>
                <tr>
                  <Th>{t('from')}</Th>
                  <Th className="text-right">{t('input')}</Th>
                  <Th className="text-right">{t('output')}</Th>
                  <Th className="text-right">{t('blended')}</Th>
                  <Th>{t('source')}</Th>
                </tr>
              </thead>
              <tbody>
                {prices.map((p) => (
                  <tr key={p.id} data-testid="price-row">
                    <Td className="whitespace-nowrap">{f.formatDate(p.effectiveDate)}</Td>
                    <Td className="num">{f.formatUsd(p.inputUsdPerMtok)}</Td>
                    <Td className="num">{f.formatUsd(p.outputUsdPerMtok)}</Td>
                    <Td className="num">{f.formatUsd(blendedPrice(Number(p.inputUsdPerMtok), Number(p.outputUsdPerMtok)))}</Td>
                    <Td>
                      <SourceList value={p.source} />
                      {p.note ? <p className="mt-1 max-w-xl text-xs text-muted-foreground">{p.note}</p> : null}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : null}
        </Card>
        <div className="space-y-4">
          <Card>
            <CardHeader title={t('benchmarkScores')} />
            {benchmarks.length ? (
              <ul className="space-y-2 text-sm">
                {benchmarks.map((b) => (
                  <li key={b.id} data-testid={`benchmark-${b.benchmark}`}>
                    <span className="font-medium">{BENCHMARK_LABEL[b.benchmark] ?? b.benchmark}:</span> {Number(b.score).toFixed(1)}%
                    <div>
                      <SourceList value={b.source} />
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">{t('noBenchmark')}</p>
            )}
          </Card>
          <ModelScores benchmarks={registry} scores={scores} />
          <Card>
            <CardHeader title={t('trainingCompute')} />
            {model.trainingFlop ? (
              <>
                <p className="text-sm">
                  {t('flop', { value: f.formatFlop(model.trainingFlop) })}{generation ? ` — ${tm(`generations.${generation.key}`)}` : ''}
                </p>
                <p className="text-xs text-muted-foreground">
                  {t('phone', { ops: PHONE_OPS_LABEL, years: yearsText(phoneYears(model.trainingFlop)) })}
                </p>
                <SourceList value={model.trainingFlopSource} />
              </>
            ) : (
              <p className="text-sm text-muted-foreground">{t('noEstimate')}</p>
            )}
          </Card>
          <Card>
            <CardHeader title={t('dataPolicy')} />
            <p className="text-sm" data-testid="data-policy">
              {tl(`dataPolicy.${model.dataPolicy}`)}
            </p>
            <p className="text-xs text-muted-foreground">
              {t('dataPolicyNote')}
            </p>
            <SourceList value={model.dataPolicySource} />
          </Card>
        </div>
      </div>
      <div className="mt-4">
        <ChannelPolicies vendor={model.vendor} apiPolicy={model.dataPolicy} apiSource={model.dataPolicySource} rows={channelPolicies} />
      </div>
      {canWrite ? (
        <ChannelPolicyForm
          vendor={model.vendor}
          rows={channelPolicies.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }))}
          save={saveChannelPolicyAction}
        />
      ) : null}
      <Card className="mt-4">
        <CardHeader title={t('experiments')} description={t('experimentCount', { count: usedIn.length })} />
        {usedIn.length ? (
          <Table>
            <thead>
              <tr>
                <Th>{t('experiment')}</Th>
                <Th>{t('team')}</Th>
                <Th>{t('status')}</Th>
                <Th>{t('started')}</Th>
                <Th>{t('role')}</Th>
              </tr>
            </thead>
            <tbody>
              {usedIn.map((e) => (
                <tr key={e.id}>
                  <Td>
                    <Link href={`/experiments/${e.id}`} className="hover:underline">
                      {e.title}
                    </Link>
                  </Td>
                  <Td>{e.teamName}</Td>
                  <Td>{tl(`status.${e.status}`)}</Td>
                  <Td>{f.formatDate(e.startDate)}</Td>
                  <Td>{e.isPrimary ? t('primary') : t('compared')}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-muted-foreground">{t('noExperiments')}</p>
        )}
      </Card>
      {canWrite ? (
        <ModelAdminForms
          modelId={model.id}
          today={today}
          reasoning={model.reasoning}
          benchmarks={registry.map(({ key, name, unit, perEffort }) => ({ key, name, unit, perEffort }))}
          addPrice={addPriceAction}
          addBenchmark={addBenchmarkAction}
        />
      ) : null}
      <div className="mt-4">
        <p className="mb-1 text-xs text-muted-foreground">{t('rowSource', { source: model.source })}</p>
        <DataAttribution />
      </div>
    </>
  );
}
