import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listRecentExperiments } from '@/db/queries/experiments-list';
import { requirePermission } from '@/lib/auth/guard';
import { formatDate, formatNumber } from '@/lib/format';
import { MINDSET_SHORT, STATUS_LABEL, WORK_TYPE_LABEL } from '@/lib/labels';

export const metadata: Metadata = { title: 'Experiments' };

export default async function ExperimentsPage() {
  await requirePermission('experiments.read');
  const rows = await listRecentExperiments(await getDb());
  return (
    <>
      <PageHeader title="Experiments" description="Every AI experiment in the organisation: learn from what other teams tried." />
      {rows.length === 0 ? (
        <EmptyState title="No experiments yet">Team leads log the AI use cases their teams try.</EmptyState>
      ) : (
        <Table>
          <thead>
            <tr>
              <Th>Title</Th>
              <Th>Team</Th>
              <Th>Status</Th>
              <Th>Mindset</Th>
              <Th>Work type</Th>
              <Th>Started</Th>
              <Th className="text-right">Hours saved / month</Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <Td className="font-medium">
                  <Link href={`/experiments/${e.id}`} className="hover:underline">
                    {e.title}
                  </Link>
                </Td>
                <Td>{e.team}</Td>
                <Td>
                  <Badge>{STATUS_LABEL[e.status]}</Badge>
                </Td>
                <Td>{MINDSET_SHORT[e.mindset]}</Td>
                <Td>{WORK_TYPE_LABEL[e.workType]}</Td>
                <Td>{formatDate(e.startDate)}</Td>
                <Td className="text-right">{formatNumber(e.hoursSavedPerMonth == null ? null : Number(e.hoursSavedPerMonth))}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
