import type { Metadata } from 'next';
import { DataAttribution } from '@/components/models/attribution';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listModels } from '@/db/queries/models';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Trends' };

export default async function TrendsPage() {
  await requirePermission('models.read');
  const models = await listModels(await getDb());
  const years = new Map<string, { count: number; bestGpqa: number | null }>();
  for (const m of models) {
    const y = m.releaseDate.slice(0, 4);
    const entry = years.get(y) ?? { count: 0, bestGpqa: null };
    entry.count++;
    if (m.gpqa != null) entry.bestGpqa = Math.max(entry.bestGpqa ?? 0, Number(m.gpqa));
    years.set(y, entry);
  }
  return (
    <>
      <PageHeader title="Trends" description="How fast AI gets more capable and cheaper." />
      <Table>
        <thead>
          <tr>
            <Th>Release year</Th>
            <Th className="text-right">Models</Th>
            <Th className="text-right">Best GPQA Diamond</Th>
          </tr>
        </thead>
        <tbody>
          {[...years.entries()].map(([y, v]) => (
            <tr key={y}>
              <Td>{y}</Td>
              <Td className="text-right">{v.count}</Td>
              <Td className="text-right">{v.bestGpqa == null ? '—' : `${v.bestGpqa.toFixed(1)}%`}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <div className="mt-4">
        <DataAttribution />
      </div>
    </>
  );
}
