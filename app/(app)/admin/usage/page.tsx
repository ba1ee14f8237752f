import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/auth/guard';
import { ConnectionsSection } from './connections-section';

export const metadata: Metadata = { title: 'Usage data' };

/** Usage data from the AI vendors: uploads and mapping (issue 21) and the connections pulled daily. */
export default async function UsageAdminPage() {
  await requirePermission('admin.settings');
  return (
    <>
      <PageHeader title="Usage data" description="Usage and spend the AI vendors record, pulled daily or uploaded, next to what the experiments report." />
      <div className="space-y-6">
        <ConnectionsSection />
      </div>
    </>
  );
}
