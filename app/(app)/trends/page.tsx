import type { Metadata } from 'next';
import Link from 'next/link';
import { TrendCapabilityPriceChart } from '@/components/charts/trend-capability-price';
import { TrendComputeChart } from '@/components/charts/trend-compute';
import { TrendLevelPriceChart } from '@/components/charts/trend-level-price';
import { DataAttribution } from '@/components/models/attribution';
import { LevelPicker } from '@/components/models/level-picker';
import { ModelFilters } from '@/components/models/model-filters';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listTeamModelUsage } from '@/db/queries/model-details';
import { requirePermission } from '@/lib/auth/guard';
import { formatUsd } from '@/lib/format';
import { filterCatalog } from '@/lib/metrics/catalog';
import { PHONE_OPS_PER_SECOND, phoneYears } from '@/lib/metrics/compute';
import { log10Ticks, yearTicks } from '@/lib/metrics/frontier';
import { BLEND_ASSUMPTION } from '@/lib/metrics/prices';
import { capabilitySeries, computeSeries, formatYears } from '@/lib/metrics/trend-series';
import { cheapestAtOrAbove, priceDecline } from '@/lib/metrics/trends';
import { teamsBehindFrontier } from '@/lib/metrics/usage';
import { isoToday } from '@/lib/sources';
import { parseModelFilters, toCatalogFilter } from '@/lib/validation/model-filters';
import { loadCatalog } from '../models/load-catalog';

export const metadata: Metadata = { title: 'Trends' };

/** Rein et al. 2023 (arXiv:2311.12022), Diamond set: expert validators 81.3%, skilled non-experts 22.1%; chance is 25%. */
const GPQA_BASELINES = [
  // Recharts puts an 'insideBottom' label above a horizontal line and an 'insideTop' one below it.
  { score: 81.3, label: 'PhD experts in their field, 81.3% (Rein et al. 2023)', position: 'insideBottomRight' },
  { score: 25, label: 'Random guessing, 25%', position: 'insideBottomRight' },
  { score: 22.1, label: 'Skilled non-experts with web access, 22.1% (Rein et al. 2023)', position: 'insideTopRight' },
] as const;

const times = (n: number) => (n >= 10 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const leftOutNote = (n: number, what: string) => (n > 0 ? `${n} model${n === 1 ? '' : 's'} without ${what} left out.` : 'Every model shown.');

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrendsPage({ searchParams }: Props) {
  await requirePermission('models.read');
  const filters = parseModelFilters(await searchParams);
  const today = isoToday();
  const db = await getDb();
  const [all, usage] = await Promise.all([loadCatalog(db, today), listTeamModelUsage(db)]);
  const models = filterCatalog(all, toCatalogFilter(filters));
  const vendors = [...new Set(all.map((m) => m.vendor))].sort();

  const capability = capabilitySeries(models, today);
  const compute = computeSeries(models);

  // Capability level: a model's score from the whole catalog (default: the original GPT-4).
  const scored = all.filter((m) => m.score != null).sort((a, b) => a.releaseDate.localeCompare(b.releaseDate));
  const levelModel = scored.find((m) => m.slug === (filters.level ?? 'gpt-4')) ?? scored[0];
  const steps = levelModel ? cheapestAtOrAbove(models.map((m) => ({ ...m, score: m.score })), levelModel.score!, today) : [];
  const decline = priceDecline(steps, today);
  const levelTicks = steps.length ? log10Ticks(Math.min(...steps.map((s) => s.price)), Math.max(...steps.map((s) => s.price))) : [];

  const behind = teamsBehindFrontier(
    usage,
    all.map((m) => ({ slug: m.slug, name: m.name, releaseDate: m.releaseDate, score: m.score, price: m.currentBlended })),
  );
  const keep: [string, string][] = [...filters.vendor.map((v) => ['vendor', v] as [string, string])];
  for (const k of ['reasoning', 'open', 'from', 'to'] as const) if (filters[k]) keep.push([k, filters[k]!]);

  return (
    <>
      <PageHeader title="Trends" description={`How fast AI gets more capable and cheaper, and where our own usage sits. ${BLEND_ASSUMPTION}`} />
      <ModelFilters action="/trends" vendors={vendors} selected={filters} keep={{ level: filters.level }} />

      <Card className="mb-4">
        <CardHeader
          title="Capability vs price"
          description="GPQA Diamond against the blended price at launch, one dot per model coloured by release year. Each line is that year's frontier: the best score available at or below each price, at the prices in force on 31 December (today for this year). Rings mark the models our experiments used, larger for more experiments."
        />
        {capability.years.length ? (
          <TrendCapabilityPriceChart years={capability.years} usage={capability.usage} baselines={[...GPQA_BASELINES]} ticks={capability.ticks} />
        ) : (
          <EmptyState title="No model matches these filters" />
        )}
        <p className="mt-2 text-xs text-muted-foreground" data-testid="capability-left-out">
          {leftOutNote(capability.leftOut, 'a list price or a GPQA Diamond score')} Baselines are for the Diamond set; the often-quoted 65%/34% are
          the Extended set.
        </p>
      </Card>

      <Card className="mb-4">
        <CardHeader
          title="The price of a capability level over time"
          description="The cheapest model scoring at least the chosen level on each date, at the list price in force that day (log scale). Dots mark new lows."
          action={
            <LevelPicker
              options={scored.map((m) => ({ slug: m.slug, label: `${m.name} (${m.score!.toFixed(1)}%)` }))}
              selected={levelModel?.slug ?? ''}
              keep={keep}
            />
          }
        />
        {decline && levelModel ? (
          <>
            <p className="mb-2 text-lg font-medium" data-testid="level-headline">
              The price of {levelModel.name}-level capability fell {times(decline.factor)}× in {Math.round(decline.months)} months
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
          {leftOutNote(models.filter((m) => m.score == null || m.prices.length === 0).length, 'a list price or a GPQA Diamond score')}
        </p>
      </Card>

      <Card className="mb-4">
        <CardHeader
          title="Training compute over time"
          description={`Epoch AI's estimates of training compute (log scale), with the generation bands. GPT-4 (≈2×10^25 FLOP) is in the 10^25 band. For scale: 10^26 FLOP is a phone doing ${PHONE_OPS_PER_SECOND.toExponential().replace('e+', '×10^')} operations a second computing for about ${formatYears(phoneYears(1e26))}.`}
        />
        {compute.points.length ? <TrendComputeChart {...compute} /> : <EmptyState title="No compute estimate for these models" />}
        <p className="mt-2 text-xs text-muted-foreground">{leftOutNote(compute.leftOut, 'a published compute estimate')}</p>
      </Card>

      <Card className="mb-4">
        <CardHeader title="Our usage against the frontier" description="Teams using a model for which a newer model now scores clearly higher at the same or a lower price (prices in force today)." />
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
