import type { Metadata } from 'next';
import { FiltersDisclosure } from '@/components/filters/filters-disclosure';
import Link from 'next/link';
import { TrendCapabilityPriceChart } from '@/components/charts/trend-capability-price';
import { TrendComputeChart } from '@/components/charts/trend-compute';
import { TrendEffortScalingChart } from '@/components/charts/trend-effort-scaling';
import { TrendTimeHorizonChart } from '@/components/charts/trend-time-horizon';
import { TrendLevelPriceChart } from '@/components/charts/trend-level-price';
import { CostPerTaskTable } from '@/components/dashboard/cost-per-task-table';
import { DataAttribution } from '@/components/models/attribution';
import { LevelPicker } from '@/components/models/level-picker';
import { ModelFilters } from '@/components/models/model-filters';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { catalogPages } from '@/db/queries/models/cached';
import { requirePermission } from '@/lib/auth/guard';
import { formatMinutes, formatScore, NOT_MEASURED } from '@/lib/catalog/benchmark-axis';
import { formatUsd } from '@/lib/format';
import { axisBaselines, axisTicks, minuteTicks } from '@/lib/metrics/capability-axis';
import { effortLines, effortReading, usedLevels } from '@/lib/metrics/effort-scaling';
import { horizonTrend } from '@/lib/metrics/time-horizon';
import { filterCatalog } from '@/lib/metrics/catalog';
import { PHONE_OPS_LABEL, phoneYears } from '@/lib/metrics/compute';
import { log10Ticks, yearTicks } from '@/lib/metrics/frontier';
import { BLEND_ASSUMPTION } from '@/lib/metrics/prices';
import { capabilitySeries, computeSeries, formatYears } from '@/lib/metrics/trend-series';
import { cheapestAtOrAbove, priceDecline } from '@/lib/metrics/trends';
import { formatPeriod, resolvePeriod } from '@/lib/metrics/period';
import { teamsBehindFrontier } from '@/lib/metrics/usage';
import { isoToday } from '@/lib/sources';
import { parseModelFilters, toCatalogFilter } from '@/lib/validation/model-filters';

export const metadata: Metadata = { title: 'Trends' };

const times = (n: number) => (n >= 10 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const leftOutNote = (n: number, what: string) => (n > 0 ? `${n} model${n === 1 ? '' : 's'} without ${what} left out.` : 'Every model shown.');
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
/** The benchmark a second-scaling-law chart shows: the chosen one when Epoch measures it per effort, else FrontierMath. */
const EFFORT_FALLBACK = 'frontiermath';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrendsPage({ searchParams }: Props) {
  await requirePermission('models.read');
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
  const axisName = axis?.name ?? 'Capability';
  const unit = axis?.unit ?? 'percent';

  const capability = capabilitySeries(models, today);
  const compute = computeSeries(models);
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
  const onGpqa = models.map((m) => ({ ...m, score: m.gpqa == null ? null : Number(m.gpqa) }));
  const gpt4 = all.find((m) => m.slug === 'gpt-4');
  const gpqaDecline = gpt4?.gpqa != null ? priceDecline(cheapestAtOrAbove(onGpqa, Number(gpt4.gpqa), today), today) : null;
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

  const behind = teamsBehindFrontier(
    currentUsage,
    all.map((m) => ({ slug: m.slug, name: m.name, releaseDate: m.releaseDate, score: m.gpqa == null ? null : Number(m.gpqa), price: m.currentBlended })),
  );
  const keep: [string, string][] = [...filters.vendor.map((v) => ['vendor', v] as [string, string])];
  for (const k of ['reasoning', 'open', 'from', 'to', 'bench'] as const) if (filters[k]) keep.push([k, filters[k]!]);

  return (
    <>
      <PageHeader title="Trends" description={`How fast AI gets more capable and cheaper, and where our own usage sits. ${BLEND_ASSUMPTION}`} />
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
          title="Capability vs price"
          description={`${axisName} against the blended price at launch, one dot per model coloured by release year. Each line is that year's frontier: the best score available at or below each price, at the prices in force on 31 December (today for this year). Rings mark the models our experiments used, larger for more experiments.`}
        />
        {capability.years.length && axis ? (
          <TrendCapabilityPriceChart
            years={capability.years}
            usage={capability.usage}
            baselines={axisBaselines(axis)}
            ticks={capability.ticks}
            axis={{ name: axis.name, unit: axis.unit, ...yAxis }}
          />
        ) : (
          <EmptyState title="No model matches these filters" />
        )}
        <p className="mt-2 text-xs text-muted-foreground" data-testid="capability-left-out">
          {leftOutNote(capability.leftOut, `a list price or a ${axisName} score`)}
          {axis?.key === 'gpqa_diamond' ? ' Baselines are for the Diamond set; the often-quoted 65%/34% are the Extended set.' : ''}
          {axis?.key === 'gpqa_diamond'
            ? " Why o1-preview sits at 50.3%, below o1-mini's 62.4%: it is Epoch AI's only run of it (January 2025, ±2.8 points standard error), checked against Epoch's file, so it stands rather than being replaced by a vendor figure from another setup. One run of 198 questions says little about the first reasoner's jump; the ECI, fitted across many benchmarks, shows it: GPT-4o 128.9 → o1-preview 135.9."
            : ''}
        </p>
        {unmeasured.length ? (
          <details className="mt-1 text-xs text-muted-foreground" data-testid="not-measured">
            <summary>
              {plural(unmeasured.length, 'model')} {NOT_MEASURED} on {axisName}
            </summary>
            <p className="mt-1">{unmeasured.map((m) => m.name).join(', ')}.</p>
          </details>
        ) : null}
      </Card>

      <Card className="mb-4">
        <CardHeader
          title="The price of a capability level over time"
          description={`The cheapest model scoring at least the chosen level on ${axisName} on each date, at the list price in force that day (log scale). Dots mark new lows.`}
          action={
            <LevelPicker
              options={scored.map((m) => ({ slug: m.slug, label: `${m.name} (${formatScore(unit, m.score)})` }))}
              selected={levelModel?.slug ?? ''}
              keep={keep}
              benchmark={axisName}
            />
          }
        />
        {showGpqaHeadline && gpqaDecline ? (
          <p className="mb-2 text-sm" data-testid="gpqa-headline">
            On GPQA Diamond, the price of GPT-4-level capability fell {times(gpqaDecline.factor)}× in {Math.round(gpqaDecline.months)} months
            {gpqaDecline.perYear ? ` (≈${times(gpqaDecline.perYear)}× per year)` : ''}: from {gpqaDecline.first.name} at {formatUsd(gpqaDecline.first.price)} to{' '}
            {gpqaDecline.current.name} at {formatUsd(gpqaDecline.current.price)}.
          </p>
        ) : null}
        {decline && levelModel ? (
          <>
            <p className="mb-2 text-lg font-medium" data-testid="level-headline">
              The price of {levelModel.name}-level capability{axis?.key === 'gpqa_diamond' ? '' : ` on ${axisName}`} fell {times(decline.factor)}× in {Math.round(decline.months)} months
              {decline.perYear ? ` (≈${times(decline.perYear)}× per year)` : ''}.
            </p>
            <p className="mb-3 text-sm text-muted-foreground">
              From {decline.first.name} at {formatUsd(decline.first.price)} ({decline.first.date}) to {decline.current.name} at {formatUsd(decline.current.price)} (
              {decline.current.date}); that lowest price has stood for {decline.stoodDays} days. The yearly rate is a log-linear fit over the{' '}
              {steps.filter((s) => s.record).length} models that set a new low, the method of Epoch AI&rsquo;s &ldquo;LLM inference prices have fallen rapidly
              but unequally across tasks&rdquo; (2025).
            </p>
            <TrendLevelPriceChart steps={steps.map((s) => ({ t: Date.parse(s.date), price: s.price, name: s.name, record: s.record }))} ticks={levelTicks} end={Date.parse(today)} timeTicks={steps.length ? yearTicks(Date.parse(steps[0].date), Date.parse(today)) : []} />
          </>
        ) : (
          <EmptyState title="No priced model reaches this level with these filters" />
        )}
        <p className="mt-2 text-xs text-muted-foreground" data-testid="level-left-out">
          {leftOutNote(models.filter((m) => m.score == null || m.prices.length === 0).length, `a list price or a ${axisName} score`)}
        </p>
      </Card>

      <Card className="mb-4">
        <CardHeader
          title="Training compute by generation"
          description={`Epoch AI's estimates of training compute (log scale), with the generations as the essay names them: Gen2 is the GPT-4 class (GPT-4 ≈2×10^25 FLOP), Gen3 is 10^26 FLOP and above. For scale: 10^26 FLOP is what a phone sustaining ${PHONE_OPS_LABEL} operations a second computes in about ${formatYears(phoneYears(1e26))}, the essay's figure and its assumption (about half the peak rate of a recent flagship phone's AI chip).`}
        />
        {compute.points.length ? <TrendComputeChart {...compute} /> : <EmptyState title="No compute estimate for these models" />}
        <p className="mt-2 text-xs text-muted-foreground">{leftOutNote(compute.leftOut, 'a published compute estimate')}</p>
      </Card>

      <Card className="mb-4">
        <CardHeader
          title="The second scaling law: more thinking, more capability"
          description={`The same model at each reasoning effort on ${effortBench?.name ?? effortKey}, Epoch AI's runs${axis && !axis.perEffort ? ` (${axisName} has one score per model, so this chart shows ${effortBench?.name ?? effortKey})` : ''}. Only models run at two or more named effort levels are drawn; thinking-token budgets are not comparable across vendors.`}
        />
        {reading ? (
          <p className="mb-2 text-sm font-medium" data-testid="effort-reading">
            {reading.name} scores {formatScore(effortBench?.unit ?? 'percent', reading.from.score)} at {reading.from.effort} effort and{' '}
            {formatScore(effortBench?.unit ?? 'percent', reading.to.score)} at {reading.to.effort}: the same model, only thinking longer. {reading.rising} of{' '}
            {plural(reading.total, 'model')} score higher at their highest effort.
          </p>
        ) : null}
        {lines.length ? (
          <TrendEffortScalingChart lines={lines} levels={levels} benchmark={effortBench?.name ?? effortKey} unit={effortBench?.unit ?? 'percent'} {...effortAxis} />
        ) : (
          <EmptyState title="No model of these filters was measured at several efforts" />
        )}
      </Card>

      <Card className="mb-4">
        <CardHeader
          title="How long a task AI can finish"
          description="METR's time horizon: the length of software task (in the time a skilled person needs) that a model completes half of the time, by release date (log scale). METR's measurements, via Epoch AI's Benchmarking Hub."
        />
        {horizon.longest ? (
          <p className="mb-2 text-sm font-medium" data-testid="horizon-headline">
            The longest so far: {horizon.longest.name}, {formatMinutes(horizon.longest.minutes)}.
            {horizon.doublingMonths ? ` Across these ${horizon.points.length} models the horizon doubled about every ${horizon.doublingMonths.toFixed(1)} months (log-linear fit).` : ''}
          </p>
        ) : null}
        {horizon.points.length && hTicks.length ? (
          <TrendTimeHorizonChart points={horizon.points} yTicks={hTicks} timeTicks={yearTicks(hDomain[0], hDomain[1])} domain={hDomain} trend={hTrend} />
        ) : (
          <EmptyState title="No METR measurement for these models" />
        )}
        <p className="mt-2 text-xs text-muted-foreground">
          Source: METR, &ldquo;Measuring AI Ability to Complete Long Tasks&rdquo; (metr.org), as published in Epoch AI&rsquo;s Benchmarking Hub
          (CC BY 4.0, April 2026). {plural(models.length - horizon.points.length, 'model')} of these filters {NOT_MEASURED} by METR.
        </p>
      </Card>

      <Card className="mb-4" data-testid="trend-cost-per-task">
        <CardHeader
          title="What a task really costs with reasoners"
          description="Cost per task by model and reasoning effort, from every check-in of the organisation that records tasks done with tokens or a bill, next to the price per token. Reasoning tokens are billed as output, so a model cheaper per token can cost more per task."
        />
        <CostPerTaskTable rows={costRows} scope="of the organisation" />
      </Card>

      <Card className="mb-4">
        <CardHeader
          title="Our usage against the frontier"
          description={`Teams using a model for which a newer model now scores clearly higher on GPQA Diamond at the same or a lower price (prices in force today). Current usage only: experiments running now, and completed ones that ended in the last 12 months (${formatPeriod(usagePeriod)}); older, abandoned or archived ones do not count.`}
        />
        {behind.length ? (
          <Table data-testid="teams-behind">
            <thead>
              <tr>
                <Th>Team</Th>
                <Th>Uses</Th>
                <Th>Newer option</Th>
                <Th className="text-right">Experiments</Th>
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
                    ({b.used.score!.toFixed(1)}%, {formatUsd(b.used.price)})
                  </Td>
                  <Td>
                    <Link className="hover:underline" href={`/models/${b.better.slug}`}>
                      {b.better.name}
                    </Link>{' '}
                    scores +{b.gain.toFixed(1)} points at {formatUsd(b.better.price)}
                  </Td>
                  <Td className="text-right">{b.experiments}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-muted-foreground">Every team uses a model on or near the frontier for its price.</p>
        )}
      </Card>
      <DataAttribution />
    </>
  );
}
