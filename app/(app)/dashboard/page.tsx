import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardInsights } from './_sections/insights';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { getDb } from '@/db';
import { getOverviewCounts } from '@/db/queries/overview';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  await requirePermission('dashboard.read');
  const counts = await getOverviewCounts(await getDb());
  const cards = [
    { label: 'Experiments', value: counts.experiments },
    { label: 'Running now', value: counts.running },
    { label: 'Teams', value: counts.teams },
    { label: 'Capability outcomes', value: counts.outcomes },
  ];
  return (
    <>
      <PageHeader title="Dashboard" description="What AI is changing in the organisation: capabilities first, then efficiency." />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {cards.map((c) => (
          <Card key={c.label}>
            <p className="text-sm text-muted-foreground">{c.label}</p>
            <p className="text-3xl font-semibold" data-testid={`kpi-${c.label}`}>
              {c.value}
            </p>
          </Card>
        ))}
      </div>
      <section aria-labelledby="insights-heading" className="mt-8">
        <h2 id="insights-heading" className="mb-3 text-lg font-semibold">Insights</h2>
        <Suspense fallback={<p className="text-sm text-muted-foreground">Loading insights…</p>}>
          <DashboardInsights />
        </Suspense>
      </section>
    </>
  );
}
