import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getOverviewCounts } from '@/db/queries/overview';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Reports' };

export default async function ReportsPage() {
  await requirePermission('reports.export');
  const counts = await getOverviewCounts(await getDb());
  return (
    <>
      <PageHeader title="Reports" description="Exports of the experiment log and the executive report." />
      <Card>
        <p className="text-sm">
          The log holds <strong>{counts.experiments}</strong> experiments from <strong>{counts.teams}</strong> teams, with{' '}
          <strong>{counts.outcomes}</strong> capability outcomes.
        </p>
      </Card>
    </>
  );
}
