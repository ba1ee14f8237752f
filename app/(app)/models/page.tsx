import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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
import { isoToday } from '@/lib/sources';
import { parseModelFilters, toCatalogFilter } from '@/lib/validation/model-filters';
import { catalogPages } from '@/db/queries/models/cached';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('models');
  return { title: t('catalog.metaTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ModelsPage({ searchParams }: Props) {
  const user = await requirePermission('models.read');
  const t = await getTranslations('models');
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
        title={t('catalog.title')}
        description={`${t('catalog.description', { shown: rows.length, total: all.length })} ${t('blendAssumption')}`}
        actions={
          <>
            <Link href="/trends" className={buttonClasses('secondary', 'sm')}>
              {t('catalog.trends')}
            </Link>
            {canWrite ? (
              <>
                <Link href="/models/new" className={buttonClasses('secondary', 'sm')}>
                  {t('catalog.add')}
                </Link>
                <Link href="/models/import" className={buttonClasses('primary', 'sm')}>
                  {t('catalog.import')}
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
      <p className="mt-2 text-xs text-muted-foreground">{t('catalog.footnote')}</p>
    </>
  );
}
