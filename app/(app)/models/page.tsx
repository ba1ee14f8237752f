import type { Metadata } from 'next';
import { FiltersDisclosure } from '@/components/filters/filters-disclosure';
import Link from 'next/link';
import { DataAttribution } from '@/components/models/attribution';
import { ModelFilters } from '@/components/models/model-filters';
import { ModelsTable } from '@/components/models/models-table';
import { buttonClasses } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { filterCatalog, sortCatalog, type SortKey } from '@/lib/metrics/catalog';
import { BLEND_ASSUMPTION } from '@/lib/metrics/prices';
import { isoToday } from '@/lib/sources';
import { parseModelFilters, toCatalogFilter } from '@/lib/validation/model-filters';
import { catalogPages } from '@/db/queries/models/cached';

export const metadata: Metadata = { title: 'Models' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModelsPage({ searchParams }: Props) {
  const user = await requirePermission('models.read');
  const filters = parseModelFilters(await searchParams);
  const { models: all, benchmarks, axis } = await catalogPages.catalog(await getDb(), isoToday(), filters.bench);
  const vendors = [...new Set(all.map((m) => m.vendor))].sort();
  const rows = sortCatalog(filterCatalog(all, toCatalogFilter(filters)), filters.sort, filters.dir);

  const sortHref = (sort: SortKey, dir: 'asc' | 'desc') => {
    const p = new URLSearchParams();
    for (const v of filters.vendor) p.append('vendor', v);
    for (const k of ['reasoning', 'open', 'from', 'to', 'q', 'bench'] as const) if (filters[k]) p.set(k, filters[k]!);
    p.set('sort', sort);
    p.set('dir', dir);
    return `/models?${p}`;
  };
  const canWrite = hasPermission(user.role, 'models.write');
  return (
    <>
      <PageHeader
        title="Model catalog"
        description={`${rows.length} of ${all.length} models. Prices are list prices in force today, per million tokens; a promotional price shows beside the list price until it ends. ${BLEND_ASSUMPTION}`}
        actions={
          <>
            <Link href="/trends" className={buttonClasses('secondary', 'sm')}>
              Trends
            </Link>
            {canWrite ? (
              <>
                <Link href="/models/new" className={buttonClasses('secondary', 'sm')}>
                  Add model
                </Link>
                <Link href="/models/import" className={buttonClasses('primary', 'sm')}>
                  Import CSV
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <div className="mb-4">
        <DataAttribution />
      </div>
      <FiltersDisclosure>
        <ModelFilters
          action="/models"
          vendors={vendors}
          selected={filters}
          keep={{ sort: filters.sort, dir: filters.dir }}
          search
          benchmarks={benchmarks.map((b) => ({ key: b.key, name: b.name }))}
          benchmark={axis?.key}
        />
      </FiltersDisclosure>
      <ModelsTable rows={rows} sort={filters.sort} dir={filters.dir} sortHref={sortHref} axis={axis} />
      <p className="mt-2 text-xs text-muted-foreground">
        Hover a number for its source; each model&rsquo;s page lists all sources and its price history. Benchmark scores are
        Epoch AI&rsquo;s independent runs (METR&rsquo;s for time horizons), often lower than vendors&rsquo; claims; a model run at
        several reasoning efforts shows its best, and the effort is in the tooltip. Epoch&rsquo;s data ends in April 2026, so
        newer models show &ldquo;not yet measured&rdquo;. Generations are derived from Epoch AI&rsquo;s training-compute estimates.
      </p>
    </>
  );
}
