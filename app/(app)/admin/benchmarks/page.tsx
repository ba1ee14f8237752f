import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { BenchmarkEditForm } from '@/components/models/benchmark-edit-form';
import { Card, CardHeader } from '@/components/ui/card';
import { getDb } from '@/db';
import { listBenchmarks } from '@/db/queries/models/benchmarks';
import { requirePermission } from '@/lib/auth/guard';
import { MEASURE_LABELS } from '@/lib/catalog/benchmark-labels';
import { updateBenchmarkAction } from './actions';

const isMeasure = (m: string): m is keyof typeof MEASURE_LABELS => m in MEASURE_LABELS;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.benchmarks');
  return { title: t('title') };
}

/** Admins correct what each benchmark measures, its baselines, ceiling, successor and source; every edit is audited. */
export default async function BenchmarksPage() {
  await requirePermission('models.write');
  const t = await getTranslations('admin.benchmarks');
  const rows = await listBenchmarks(await getDb());
  return (
    <>
      <AdminPageHeader
        title={t('title')}
        description={t('description')}
      />
      <div className="space-y-4">
        {rows.map((b) => (
          <Card key={b.key}>
            <CardHeader
              title={b.defaultAxis ? t('defaultAxis', { name: b.name }) : b.name}
              description={`${isMeasure(b.measures) ? t(`measures.${b.measures}`) : b.measures} · ${b.unit} · ${t('key', { key: b.key })}${b.perEffort ? ` · ${t('perEffort')}` : ''}`}
            />
            <details>
              <summary className="cursor-pointer text-sm underline">{t('edit', { name: b.name })}</summary>
              <div className="mt-3">
                <BenchmarkEditForm
                  benchmark={{ ...b, updatedAt: b.updatedAt.toISOString() }}
                  others={rows.filter((o) => o.key !== b.key).map((o) => ({ key: o.key, name: o.name }))}
                  action={updateBenchmarkAction}
                />
              </div>
            </details>
          </Card>
        ))}
      </div>
    </>
  );
}
