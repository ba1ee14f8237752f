import type { Metadata } from 'next';
import Link from 'next/link';
import { BenchmarkEditForm } from '@/components/models/benchmark-edit-form';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listBenchmarks } from '@/db/queries/models/benchmarks';
import { requirePermission } from '@/lib/auth/guard';
import { MEASURE_LABELS } from '@/lib/catalog/benchmark-labels';
import { updateBenchmarkAction } from './actions';

export const metadata: Metadata = { title: 'Benchmarks' };

/** Admins correct what each benchmark measures, its baselines, ceiling, successor and source; every edit is audited. */
export default async function BenchmarksPage() {
  await requirePermission('models.write');
  const rows = await listBenchmarks(await getDb());
  return (
    <>
      <PageHeader
        title="Benchmarks"
        description="What each capability axis measures and how to read it. A catalog sync from Epoch AI fills these; correct them here. Scores stay in each benchmark's unit."
        actions={<Link href="/admin" className="text-sm underline">Back to admin</Link>}
      />
      <div className="space-y-4">
        {rows.map((b) => (
          <Card key={b.key}>
            <CardHeader
              title={`${b.name}${b.defaultAxis ? ' — the default axis' : ''}`}
              description={`${MEASURE_LABELS[b.measures as keyof typeof MEASURE_LABELS] ?? b.measures} · ${b.unit} · key ${b.key}${b.perEffort ? ' · scored per reasoning effort' : ''}`}
            />
            <details>
              <summary className="cursor-pointer text-sm underline">Edit {b.name}</summary>
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
