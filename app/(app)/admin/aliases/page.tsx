import type { Metadata } from 'next';
import Link from 'next/link';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listAliases, listModelChoices } from '@/db/queries/models/aliases';
import { requirePermission } from '@/lib/auth/guard';
import { USAGE_SOURCES } from '@/db/schema/usage';
import { addAliasAction, deleteAliasAction } from '../catalog/actions';

export const metadata: Metadata = { title: 'Model aliases' };

type Props = { searchParams: Promise<{ source?: string; q?: string }> };

/** The editable map from outside ids (Epoch model versions, models.dev ids, vendor model ids in usage) to catalog models. */
export default async function AliasesPage({ searchParams }: Props) {
  await requirePermission('models.write');
  const { source = '', q = '' } = await searchParams;
  const db = await getDb();
  const [models, rows] = await Promise.all([listModelChoices(db), listAliases(db)]);
  const needle = q.trim().toLowerCase();
  const shown = rows.filter((r) => (!source || r.source === source) && (!needle || r.externalId.toLowerCase().includes(needle) || r.slug.includes(needle)));
  return (
    <>
      <PageHeader
        title="Model aliases"
        description="Which catalog model each outside id stands for. Catalog syncs read scores and prices only for mapped ids; changes are in the audit trail."
        actions={<Link href="/admin" className="text-sm underline">Back to admin</Link>}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Map an id" description="An Epoch model version needs the reasoning effort it ran at (default when it names none); a models.dev id (provider/model) or a vendor model id in imported usage needs none. Usage rows follow a change at once." />
          <ActionForm action={addAliasAction} label="Map an id" className="items-end gap-3">
            <label className="text-sm">
              Source
              <Select name="source" defaultValue="epoch" className="mt-1">
                <option value="epoch">Epoch AI</option>
                <option value="models.dev">models.dev</option>
                {USAGE_SOURCES.map((s) => (
                  <option key={s} value={s}>Usage: {s}</option>
                ))}
              </Select>
            </label>
            <label className="text-sm">
              Outside id
              <Input name="externalId" className="mt-1" placeholder="gpt-5.4-2026-03-05_high" />
            </label>
            <label className="text-sm">
              Catalog model
              <Select name="modelId" className="mt-1">
                {models.map((m) => (
                  <option key={m.id} value={m.id}>{m.name} ({m.slug})</option>
                ))}
              </Select>
            </label>
            <label className="text-sm">
              Effort
              <Input name="effort" className="mt-1 w-28" placeholder="high" />
            </label>
            <Button type="submit">Map</Button>
          </ActionForm>
        </Card>
        <Card>
          <CardHeader title={`Aliases (${shown.length} of ${rows.length})`} />
          <form className="mb-3 flex flex-wrap items-end gap-2" aria-label="Filter aliases">
            <Select name="source" defaultValue={source} aria-label="Source" className="w-40">
              <option value="">Every source</option>
              <option value="epoch">Epoch AI</option>
              <option value="models.dev">models.dev</option>
              {USAGE_SOURCES.map((s) => (
                <option key={s} value={s}>Usage: {s}</option>
              ))}
            </Select>
            <Input name="q" defaultValue={q} aria-label="Search ids and models" placeholder="Search" className="w-56" />
            <Button type="submit" variant="secondary" size="sm">Filter</Button>
          </form>
          <Table aria-label="Aliases">
            <thead>
              <tr><Th>Source</Th><Th>Outside id</Th><Th>Catalog model</Th><Th>Effort</Th><Th>Note</Th><Th><span className="sr-only">Remove</span></Th></tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id}>
                  <Td>{a.source}</Td>
                  <Td className="break-all font-mono text-xs">{a.externalId}</Td>
                  <Td>{a.slug}</Td>
                  <Td>{a.effort ?? '—'}</Td>
                  <Td className="text-xs text-muted-foreground">{a.note}</Td>
                  <Td>
                    <ActionForm action={deleteAliasAction} label={`Remove ${a.source} ${a.externalId}`} confirm={`Remove the mapping of ${a.externalId}?`}>
                      <input type="hidden" name="aliasId" value={a.id} />
                      <Button type="submit" variant="ghost" size="sm">Remove</Button>
                    </ActionForm>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      </div>
    </>
  );
}
