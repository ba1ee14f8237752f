import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { CatalogUploadForm } from './catalog-upload-form';

type SyncRow = { id: number; source: string; origin: string; fileName: string; retrievedAt: Date; status: string; createdBy: string };

const TONE = { pending: 'warning', applied: 'success', discarded: 'neutral' } as const;
const isStatus = (s: string): s is keyof typeof TONE => s in TONE;

/** Catalog sync on /admin: read a file (air-gapped installs), and the recent syncs with their diffs. */
export async function CatalogSyncCard({ syncs }: { syncs: SyncRow[] }) {
  const t = await getTranslations('admin.catalogSync');
  return (
    <Card aria-labelledby="catalog-sync-title">
      <CardHeader
        title={<span id="catalog-sync-title">{t('title')}</span>}
        description={t.rich('description', {
          aliases: (chunks) => <Link href="/admin/aliases" className="underline">{chunks}</Link>,
          benchmarks: (chunks) => <Link href="/admin/benchmarks" className="underline">{chunks}</Link>,
        })}
      />
      <div className="mb-4">
        <CatalogUploadForm />
      </div>
      {syncs.length ? (
        <Table aria-label={t('recent')}>
          <thead>
            <tr><Th>{t('sync')}</Th><Th>{t('source')}</Th><Th>{t('file')}</Th><Th>{t('read')}</Th><Th>{t('by')}</Th><Th>{t('status')}</Th></tr>
          </thead>
          <tbody>
            {syncs.map((s) => (
              <tr key={s.id}>
                <Td><Link href={`/admin/catalog/${s.id}`} className="underline">#{s.id}</Link></Td>
                <Td>{s.source}</Td>
                <Td className="break-all">{s.fileName} ({s.origin === 'upload' || s.origin === 'fetch' ? t(`origin.${s.origin}`) : s.origin})</Td>
                <Td className="tabular-nums">{s.retrievedAt.toISOString().slice(0, 16).replace('T', ' ')}</Td>
                <Td>{s.createdBy}</Td>
                <Td><Badge tone={isStatus(s.status) ? TONE[s.status] : 'neutral'}>{isStatus(s.status) ? t(`statuses.${s.status}`) : s.status}</Badge></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      )}
    </Card>
  );
}
