import type { Metadata } from 'next';
import { DataAttribution } from '@/components/models/attribution';
import { Badge } from '@/components/ui/badge';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listModels } from '@/db/queries/models';
import { requirePermission } from '@/lib/auth/guard';
import { formatDate, formatFlop, formatUsd } from '@/lib/format';
import { DATA_POLICY_LABEL } from '@/lib/labels';

export const metadata: Metadata = { title: 'Models' };

export default async function ModelsPage() {
  await requirePermission('models.read');
  const models = await listModels(await getDb());
  return (
    <>
      <PageHeader title="Model catalog" description={`${models.length} models, with the price in force today and GPQA Diamond scores.`} />
      <div className="mb-4">
        <DataAttribution />
      </div>
      <Table>
        <thead>
          <tr>
            <Th>Model</Th>
            <Th>Vendor</Th>
            <Th>Released</Th>
            <Th className="text-right">Input $/M</Th>
            <Th className="text-right">Output $/M</Th>
            <Th className="text-right">GPQA Diamond</Th>
            <Th>Training compute</Th>
            <Th>Data use</Th>
            <Th className="text-right">Our experiments</Th>
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <tr key={m.id}>
              <Td className="font-medium">
                {m.name} {m.reasoning ? <Badge>reasoning</Badge> : null} {m.openWeights ? <Badge>open weights</Badge> : null}
              </Td>
              <Td>{m.vendor}</Td>
              <Td>{formatDate(m.releaseDate)}</Td>
              <Td className="text-right">{formatUsd(m.input)}</Td>
              <Td className="text-right">{formatUsd(m.output)}</Td>
              <Td className="text-right">{m.gpqa == null ? '—' : `${Number(m.gpqa).toFixed(1)}%`}</Td>
              <Td>{formatFlop(m.trainingFlop)}</Td>
              <Td>{DATA_POLICY_LABEL[m.dataPolicy]}</Td>
              <Td className="text-right">{m.experiments}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}
