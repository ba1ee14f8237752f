import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SyncDiff } from '@/components/admin/sync-diff';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getSync } from '@/db/queries/models/catalog-sync';
import { requirePermission } from '@/lib/auth/guard';
import { applySyncAction, discardSyncAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.catalogSync');
  return { title: t('title') };
}

type Props = { params: Promise<{ id: string }> };

export default async function CatalogSyncPage({ params }: Props) {
  await requirePermission('models.write');
  const t = await getTranslations('admin.syncPage');
  const { id } = await params;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const sync = await getSync(await getDb(), Number(id));
  if (!sync) notFound();
  const when = sync.retrievedAt.toISOString().slice(0, 16).replace('T', ' ');
  return (
    <>
      <PageHeader
        title={t('title', { id: sync.id, source: sync.source === 'epoch' ? 'Epoch AI' : 'models.dev' })}
        description={t(sync.origin === 'upload' ? 'uploaded' : 'downloaded', { file: sync.fileName, when, by: sync.createdBy })}
        actions={<Link href="/admin" className="text-sm underline">{t('back')}</Link>}
      />
      <SyncDiff sync={sync} apply={applySyncAction} discard={discardSyncAction} />
    </>
  );
}
