import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SyncDiff } from '@/components/admin/sync-diff';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getSync } from '@/db/queries/models/catalog-sync';
import { requirePermission } from '@/lib/auth/guard';
import { applySyncAction, discardSyncAction } from '../actions';

export const metadata: Metadata = { title: 'Catalog sync' };

type Props = { params: Promise<{ id: string }> };

export default async function CatalogSyncPage({ params }: Props) {
  await requirePermission('models.write');
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const sync = await getSync(await getDb(), Number(id));
  if (!sync) notFound();
  const when = sync.retrievedAt.toISOString().slice(0, 16).replace('T', ' ');
  return (
    <>
      <PageHeader
        title={`Catalog sync #${sync.id}: ${sync.source === 'epoch' ? 'Epoch AI' : 'models.dev'}`}
        description={`${sync.fileName}, ${sync.origin === 'upload' ? 'uploaded' : 'downloaded'} ${when} UTC by ${sync.createdBy}. Nothing changes until you apply it; values you entered by hand change only where you tick them.`}
        actions={<Link href="/admin" className="text-sm underline">Back to admin</Link>}
      />
      <SyncDiff sync={sync} apply={applySyncAction} discard={discardSyncAction} />
    </>
  );
}
