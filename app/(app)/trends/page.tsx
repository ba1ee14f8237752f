import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { FiltersDisclosure } from '@/components/filters/filters-disclosure';
import Link from 'next/link';
import { TrendCapabilityPriceChart } from '@/components/charts/trend-capability-price';
import { TrendComputeChart } from '@/components/charts/trend-compute';
import { effortLevelIn } from '@/components/charts/effort-level';
import { TrendEffortScalingChart } from '@/components/charts/trend-effort-scaling';
import { TrendTimeHorizonChart } from '@/components/charts/trend-time-horizon';
import { TrendLevelPriceChart } from '@/components/charts/trend-level-price';
import { CostPerTaskTable } from '@/components/dashboard/cost-per-task-table';
import { DataAttribution } from '@/components/models/attribution';
import { getYearsText } from '@/components/models/years-text';
import { getScoreText } from '@/components/charts/score-text';
import { LevelPicker } from '@/components/models/level-picker';
import { ModelFilters } from '@/components/models/model-filters';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { catalogPages } from '@/db/queries/models/cached';
import { requirePermission } from '@/lib/auth/guard';
import { getFormat } from '@/i18n/format';
import { axisBaselines, axisTicks, minuteTicks } from '@/lib/metrics/capability-axis';
import { effortLines, effortReading, usedLevels } from '@/lib/metrics/effort-scaling';
import { horizonTrend } from '@/lib/metrics/time-horizon';
import { filterCatalog } from '@/lib/metrics/catalog';
import { GENERATIONS, PHONE_OPS_LABEL, phoneYears } from '@/lib/metrics/compute';
import { log10Ticks, yearTicks } from '@/lib/metrics/frontier';
import { capabilitySeries, computeSeries } from '@/lib/metrics/trend-series';
import { cheapestAtOrAbove, priceDecline } from '@/lib/metrics/trends';
import { formatPeriod, resolvePeriod } from '@/lib/metrics/period';
import { asContextModel, declineWords, marketContext, priceOfCapability, timesText } from '@/lib/metrics/market-context';
import { isoToday } from '@/lib/sources';
import { parseModelFilters, toCatalogFilter } from '@/lib/validation/model-filters';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('trends');
  return { title: t('metaTitle') };
}

/** The benchmark a second-scaling-law chart shows: the chosen one when Epoch measures it per effort, else FrontierMath. */
const EFFORT_FALLBACK = 'frontiermath';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrendsPage({ searchParams }: Props) {
  await requirePermission('models.read');
  const [t, tm, f, yearsText, scoreText, locale, te] = await Promise.all([getTranslations('trends'), getTranslations('models'), getFormat(), getYearsText(), getScoreText(), getLocale(), getTranslations('charts.effort')]);
  const effortLevel = effortLevelIn(te);
  const times = (n: number) => timesText(n, f);
  const leftOutNote = (n: number, what: string) => (n > 0 ? t('leftOut', { count: n, what }) : t('everyModelShown'));
  const filters = parseModelFilters(await searchParams);
  const today = isoToday();
  const db = await getDb();
  // Teams behind the frontier count current usage only: running now, or completed in the last 12 months.
  const usagePeriod = resolvePeriod('12m', today);
  const [{ models: all, benchmarks, axis, scores }, currentUsage] = await Promise.all([
    catalogPages.catalog(db, today, filters.bench),
    catalogPages.currentTeamUsage(db, usagePeriod),
  ]);
  const models = filterCatalog(all, toCatalogFilter(filters));
  const vendors = [...new Set(all.map((m) => m.vendor))].sort();
  const axisName = axis?.name ?? t('capabilityAxis');
  const unit = axis?.unit ?? 'percent';

  const capability = capabilitySeries(models, today);
  const computed = computeSeries(models);
  // The generations and the phone scale in the reader's language (lib/metrics/trend-series.ts writes them in English).
  const generationName = (label: string) => {
    const key = GENERATIONS.find((g) => g.label === label)?.key;
    return key ? tm(`generations.${key}`) : label;
  };
  const compute = {
    ...computed,
    points: computed.points.map((p) => ({ ...p, generation: p.generation ? generationName(p.generation) : '', phoneYears: yearsText(phoneYears(p.flop)) })),
    bands: computed.bands.map((b) => ({ ...b, label: generationName(b.label) })),
  };
  const yAxis = axisTicks(unit, models.flatMap((m) => (m.score == null ? [] : [m.score])));
  // Never silently dropped: the models without a score on this benchmark are named under the chart.
  const unmeasured = models.filter((m) => m.score == null);

  // Capability level: a model's score from the whole catalog (default: the original GPT-4).
  const scored = all.filter((m) => m.score != null).sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));
  const levelModel = scored.find((m) => m.slug === (filters.level ?? 'gpt-4')) ?? scored[0];
  const steps = levelModel ? cheapestAtOrAbove(models, levelModel.score!, today) : [];
  const decline = priceDecline(steps, today);
  const levelTicks = steps.length ? log10Ticks(Math.min(...steps.map((s) => s.price)), Math.max(...steps.map((s) => s.price))) : [];
  // The essay's headline, always on GPQA Diamond and GPT-4, computed like any other level.
  const everyModel = all.map(asContextModel);
  const gpqaDecline = priceOfCapability(models.map(asContextModel), today, everyModel);
  const showGpqaHeadline = gpqaDecline && !(axis?.key === 'gpqa_diamond' && levelModel?.slug === 'gpt-4');

  // The second scaling law, on a benchmark measured per effort.
  const effortKey = axis?.perEffort ? axis.key : EFFORT_FALLBACK;
  const effortBench = benchmarks.find((b) => b.key === effortKey);
  const byId = new Map(models.map((m) => [m.id, m]));
  const scoresOf = (key: string) =>
    scores.flatMap((s) => {
      const m = s.benchmark === key ? byId.get(s.modelId) : undefined;
      return m ? [{ slug: m.slug, name: m.name, releaseDate: m.releaseDate, effort: s.effort, score: s.score }] : [];
    });
  const costRows = await catalogPages.costPerTask(db, today);
  const lines = effortLines(scoresOf(effortKey));
  const levels = usedLevels(lines);
  const reading = effortReading(lines);
  const effortAxis = axisTicks(effortBench?.unit ?? 'percent', lines.flatMap((l) => l.points.map((p) => p.score)), true);

  // METR time horizons over time.
  const horizon = horizonTrend(scoresOf('metr_time_horizon').map((r) => ({ slug: r.slug, name: r.name, releaseDate: r.releaseDate, minutes: r.score })));
  const hTimes = horizon.points.map((p) => Date.parse(p.releaseDate));
  // Whole years on the x axis, so each year's label sits at its start.
  const hDomain: [number, number] = hTimes.length
    ? [Date.UTC(new Date(Math.min(...hTimes)).getUTCFullYear(), 0, 1), Date.UTC(new Date(Math.max(...hTimes)).getUTCFullYear() + 1, 0, 1)]
    : [0, 1];
  const hTicks = horizon.points.length ? minuteTicks(Math.min(...horizon.points.map((p) => p.minutes)), Math.max(...horizon.points.map((p) => p.minutes))) : [];
  const hEnds = hTimes.length ? [Math.min(...hTimes), Math.max(...hTimes)] : [];
  const hTrend: [[number, number], [number, number]] | null =
    horizon.fitted && hEnds.length ? [[hEnds[0], horizon.fitted(hEnds[0])], [hEnds[1], horizon.fitted(hEnds[1])]] : null;

  const { behind } = marketContext(everyModel, currentUsage, today);
  // The baselines' labels in the reader's language: lib/metrics/capability-axis.ts lists them (when the benchmark
  // has them) as expert, random, non-expert, with their places; GPQA keeps the paper's wording.
  const gpqaAxis = axis?.key === 'gpqa_diamond';
  const baselineKinds = axis
    ? (['expert', 'random', 'nonExpert'] as const).filter((k) => (k === 'expert' ? axis.humanExpert : k === 'random' ? axis.randomBaseline : axis.humanNonExpert) != null)
    : [];
  const baselineLabel = (kind: (typeof baselineKinds)[number], value: string) =>
    kind === 'random' ? t('baselines.random', { value }) : kind === 'expert' ? t(gpqaAxis ? 'baselines.gpqaExpert' : 'baselines.expert', { value }) : t(gpqaAxis ? 'baselines.gpqaNonExpert' : 'baselines.nonExpert', { value });
  const baselines = axis ? axisBaselines(axis).map((b, i) => ({ ...b, label: baselineLabel(baselineKinds[i], String(b.score)) })) : [];
  const periodText = locale === 'en' ? formatPeriod(usagePeriod) : `${usagePeriod.from} – ${usagePeriod.to}`;
  const keep: [string, string][] = [...filters.vendor.map((v) => ['vendor', v] as [string, string])];
  for (const k of ['reasoning', 'open', 'from', 'to', 'bench'] as const) if (filters[k]) keep.push([k, filters[k]!]);

  return (
    <>
      <PageHeader title={t('title')} description={`${t('description')} ${tm('blendAssumption')}`} />
      <FiltersDisclosure>
        <ModelFilters
          action="/trends"
          vendors={vendors}
          selected={filters}
          keep={{ level: filters.level }}
          benchmarks={benchmarks.map((b) => ({ key: b.key, name: b.name }))}
          benchmark={axis?.key}
        />
      </FiltersDisclosure>

      <Card className="mb-4">
        <CardHeader
          title={t('capability.title')}
          description={t('capability.description', { axis: axisName })}
        />
        {capability.years.length && axis ? (
          <TrendCapabilityPriceChart
            years={capability.years}
            usage={capability.usage}
            baselines={baselines}
            ticks={capability.ticks}
            axis={{ name: axis.name, unit: axis.unit, ...yAxis }}
          />
        ) : (
          <EmptyState title={t('capability.empty')} />
        )}
        <p className="mt-2 text-xs text-muted-foreground" data-testid="capability-left-out">
          {leftOutNote(capability.leftOut, t('withoutPriceOrScore', { axis: axisName }))}
          {gpqaAxis ? ` ${t('capability.gpqaBaselines')}` : ''}
          {gpqaAxis ? ` ${t('capability.o1Preview')}` : ''}
        </p>
        {unmeasured.length ? (
          <details className="mt-1 text-xs text-muted-foreground" data-testid="not-measured">
            <summary>{t('capability.notMeasured', { count: unmeasured.length, axis: axisName })}</summary>
            <p className="mt-1">{unmeasured.map((m) => m.name).join(', ')}.</p>
          </details>
        ) : null}
      </Card>

      <Card className="mb-4">
        <CardHeader
          title={t('level.title')}
          description={t('level.description', { axis: axisName })}
          action={
            <LevelPicker
              options={scored.map((m) => ({ slug: m.slug, label: `${m.name} (${scoreText.score(unit, m.score)})` }))}
              selected={levelModel?.slug ?? ''}
              keep={keep}
              benchmark={axisName}
            />
          }
        />
        {showGpqaHeadline && gpqaDecline ? (
          <p className="mb-2 text-sm" data-testid="gpqa-headline">
            {t('level.gpqaHeadline', declineWords(gpqaDecline, f, (rate) => t('level.perYear', { rate })))}
          </p>
        ) : null}
        {decline && levelModel ? (
          <>
            <p className="mb-2 text-lg font-medium" data-testid="level-headline">
              {t('level.headline', {
                name: levelModel.name,
                onAxis: gpqaAxis ? '' : t('level.onAxis', { axis: axisName }),
                factor: times(decline.factor),
                months: String(Math.round(decline.months)),
                perYear: decline.perYear ? t('level.perYear', { rate: times(decline.perYear) }) : '',
              })}
            </p>
            <p className="mb-3 text-sm text-muted-foreground">
              {t('level.detail', {
                first: decline.first.name,
                firstPrice: f.formatUsd(decline.first.price),
                firstDate: decline.first.date,
                current: decline.current.name,
                currentPrice: f.formatUsd(decline.current.price),
                currentDate: decline.current.date,
                days: String(decline.stoodDays),
                records: String(steps.filter((s) => s.record).length),
              })}
            </p>
            <TrendLevelPriceChart steps={steps.map((s) => ({ t: Date.parse(s.date), price: s.price, name: s.name, record: s.record }))} ticks={levelTicks} end={Date.parse(today)} timeTicks={steps.length ? yearTicks(Date.parse(steps[0].date), Date.parse(today)) : []} />
          </>
        ) : (
          <EmptyState title={t('level.empty')} />
        )}
        <p className="mt-2 text-xs text-muted-foreground" data-testid="level-left-out">
          {leftOutNote(models.filter((m) => m.score == null || m.prices.length === 0).length, t('withoutPriceOrScore', { axis: axisName }))}
        </p>
      </Card>

      <Card className="mb-4">
        <CardHeader
          title={t('compute.title')}
          description={t('compute.description', { ops: PHONE_OPS_LABEL, years: yearsText(phoneYears(1e26)) })}
        />
        {compute.points.length ? <TrendComputeChart {...compute} /> : <EmptyState title={t('compute.empty')} />}
        <p className="mt-2 text-xs text-muted-foreground">{leftOutNote(compute.leftOut, t('compute.withoutEstimate'))}</p>
      </Card>

      <Card className="mb-4">
        <CardHeader
          title={t('effort.title')}
          description={t('effort.description', {
            bench: effortBench?.name ?? effortKey,
            note: axis && !axis.perEffort ? t('effort.onePerModel', { axis: axisName, bench: effortBench?.name ?? effortKey }) : '',
          })}
        />
        {reading ? (
          <p className="mb-2 text-sm font-medium" data-testid="effort-reading">
            {t('effort.reading', {
              name: reading.name,
              from: scoreText.score(effortBench?.unit ?? 'percent', reading.from.score),
              fromEffort: effortLevel(reading.from.effort),
              to: scoreText.score(effortBench?.unit ?? 'percent', reading.to.score),
              toEffort: effortLevel(reading.to.effort),
              rising: String(reading.rising),
              total: reading.total,
            })}
          </p>
        ) : null}
        {lines.length ? (
          <TrendEffortScalingChart lines={lines} levels={levels} benchmark={effortBench?.name ?? effortKey} unit={effortBench?.unit ?? 'percent'} {...effortAxis} />
        ) : (
          <EmptyState title={t('effort.empty')} />
        )}
      </Card>

      <Card className="mb-4">
        <CardHeader
          title={t('horizon.title')}
          description={t('horizon.description')}
        />
        {horizon.longest ? (
          <p className="mb-2 text-sm font-medium" data-testid="horizon-headline">
            {t('horizon.longest', { name: horizon.longest.name, minutes: scoreText.minutes(horizon.longest.minutes) })}
            {horizon.doublingMonths ? ` ${t('horizon.doubling', { count: String(horizon.points.length), months: horizon.doublingMonths.toFixed(1) })}` : ''}
          </p>
        ) : null}
        {horizon.points.length && hTicks.length ? (
          <TrendTimeHorizonChart points={horizon.points} yTicks={hTicks} timeTicks={yearTicks(hDomain[0], hDomain[1])} domain={hDomain} trend={hTrend} />
        ) : (
          <EmptyState title={t('horizon.empty')} />
        )}
        <p className="mt-2 text-xs text-muted-foreground">
          {t('horizon.source', { count: models.length - horizon.points.length })}
        </p>
      </Card>

      <Card className="mb-4" data-testid="trend-cost-per-task">
        <CardHeader
          title={t('costPerTask.title')}
          description={t('costPerTask.description')}
        />
        <CostPerTaskTable rows={costRows} scope={t('costPerTask.scope')} />
      </Card>

      <Card className="mb-4">
        <CardHeader
          title={t('usage.title')}
          description={t('usage.description', { period: periodText })}
        />
        {behind.length ? (
          <Table data-testid="teams-behind">
            <thead>
              <tr>
                <Th>{t('usage.team')}</Th>
                <Th>{t('usage.uses')}</Th>
                <Th>{t('usage.newer')}</Th>
                <Th className="text-right">{t('usage.experiments')}</Th>
              </tr>
            </thead>
            <tbody>
              {behind.slice(0, 10).map((b) => (
                <tr key={`${b.teamName}-${b.used.slug}`}>
                  <Td>{b.teamName}</Td>
                  <Td>
                    <Link className="hover:underline" href={`/models/${b.used.slug}`}>
                      {b.used.name}
                    </Link>{' '}
                    {t('usage.usesDetail', { score: b.used.score!.toFixed(1), price: f.formatUsd(b.used.price) })}
                  </Td>
                  <Td>
                    <Link className="hover:underline" href={`/models/${b.better.slug}`}>
                      {b.better.name}
                    </Link>{' '}
                    {t('usage.better', { gain: b.gain.toFixed(1), price: f.formatUsd(b.better.price) })}
                  </Td>
                  <Td className="text-right">{b.experiments}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-muted-foreground">{t('usage.empty')}</p>
        )}
      </Card>
      <DataAttribution />
    </>
  );
}
