import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { Table, Td, Th } from '@/components/ui/table';
import { CatalogUploadForm } from './catalog-upload-form';

type SyncRow = { id: number; source: string; origin: string; fileName: string; retrievedAt: Date; status: string; createdBy: string };

const TONE = { pending: 'warning', applied: 'success', discarded: 'neutral' } as const;

/** Catalog sync on /admin: read a file (air-gapped installs), and the recent syncs with their diffs. */
export function CatalogSyncCard({ syncs }: { syncs: SyncRow[] }) {
  return (
    <Card aria-labelledby="catalog-sync-title">
      <CardHeader
        title={<span id="catalog-sync-title">Catalog sync</span>}
        description={
          <>
            Read models.dev&apos;s api.json (list prices with their cache, batch and long-context tiers; new models) or Epoch AI&apos;s benchmark_data.zip (scores). You see the changes before anything
            is applied. Scheduled syncs (UPLIFT_CATALOG_SYNC) land here too. Outside ids map to models through the{' '}
            <Link href="/admin/aliases" className="underline">model aliases</Link>; what each benchmark measures is on{' '}
            <Link href="/admin/benchmarks" className="underline">Benchmarks</Link>.
          </>
        }
      />
      <div className="mb-4">
        <CatalogUploadForm />
      </div>
      {syncs.length ? (
        <Table aria-label="Recent catalog syncs">
          <thead>
            <tr><Th>Sync</Th><Th>Source</Th><Th>File</Th><Th>Read</Th><Th>By</Th><Th>Status</Th></tr>
          </thead>
          <tbody>
            {syncs.map((s) => (
              <tr key={s.id}>
                <Td><Link href={`/admin/catalog/${s.id}`} className="underline">#{s.id}</Link></Td>
                <Td>{s.source}</Td>
                <Td className="break-all">{s.fileName} ({s.origin})</Td>
                <Td className="tabular-nums">{s.retrievedAt.toISOString().slice(0, 16).replace('T', ' ')}</Td>
                <Td>{s.createdBy}</Td>
                <Td><Badge tone={TONE[s.status as keyof typeof TONE] ?? 'neutral'}>{s.status}</Badge></Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="text-sm text-muted-foreground">No sync yet.</p>
      )}
    </Card>
  );
}
