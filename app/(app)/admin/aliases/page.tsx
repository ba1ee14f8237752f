import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listAliases, listModelChoices } from '@/db/queries/models/aliases';
import { requirePermission } from '@/lib/auth/guard';
import { USAGE_SOURCES } from '@/db/schema/usage';
import { addAliasAction, deleteAliasAction } from '../catalog/actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.aliases');
  return { title: t('title') };
}

// Placeholders that show an example outside id and effort: data, the same in every language.
const EXAMPLE_ID = 'gpt-5.4-2026-03-05_high';
const EXAMPLE_EFFORT = 'high';

type Props = { searchParams: Promise<{ source?: string; q?: string }> };

/** The editable map from outside ids (Epoch model versions, models.dev ids, vendor model ids in usage) to catalog models. */
export default async function AliasesPage({ searchParams }: Props) {
  await requirePermission('models.write');
  const t = await getTranslations('admin.aliases');
  const tc = await getTranslations('common');
  const { source = '', q = '' } = await searchParams;
  const db = await getDb();
  const [models, rows] = await Promise.all([listModelChoices(db), listAliases(db)]);
  const needle = q.trim().toLowerCase();
  const shown = rows.filter((r) => (!source || r.source === source) && (!needle || r.externalId.toLowerCase().includes(needle) || r.slug.includes(needle)));
  return (
    <>
      <AdminPageHeader
        title={t('title')}
        description={t('description')}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t('mapTitle')} description={t('mapDescription')} />
          <ActionForm action={addAliasAction} label={t('mapTitle')} className="items-end gap-3">
            <label className="text-sm">
              {t('source')}
              <Select name="source" defaultValue="epoch" className="mt-1">
                <option value="epoch">{t('epoch')}</option>
                <option value="models.dev">{t('modelsDev')}</option>
                {USAGE_SOURCES.map((s) => (
                  <option key={s} value={s}>{t('usageSource', { source: s })}</option>
                ))}
              </Select>
            </label>
            <label className="text-sm">
              {t('outsideId')}
              <Input name="externalId" className="mt-1" placeholder={EXAMPLE_ID} />
            </label>
            <label className="text-sm">
              {t('catalogModel')}
              <Select name="modelId" className="mt-1">
                {models.map((m) => (
                  <option key={m.id} value={m.id}>{m.name} ({m.slug})</option>
                ))}
              </Select>
            </label>
            <label className="text-sm">
              {t('effort')}
              <Input name="effort" className="mt-1 w-28" placeholder={EXAMPLE_EFFORT} />
            </label>
            <Button type="submit">{t('map')}</Button>
          </ActionForm>
        </Card>
        <Card>
          <CardHeader title={t('listTitle', { shown: shown.length, total: rows.length })} />
          <form className="mb-3 flex flex-wrap items-end gap-2" aria-label={t('filterLabel')}>
            <Select name="source" defaultValue={source} aria-label={t('source')} className="w-40">
              <option value="">{t('everySource')}</option>
              <option value="epoch">{t('epoch')}</option>
              <option value="models.dev">{t('modelsDev')}</option>
              {USAGE_SOURCES.map((s) => (
                <option key={s} value={s}>{t('usageSource', { source: s })}</option>
              ))}
            </Select>
            <Input name="q" defaultValue={q} aria-label={t('searchLabel')} placeholder={tc('search')} className="w-56" />
            <Button type="submit" variant="secondary" size="sm">{t('filter')}</Button>
          </form>
          <Table aria-label={t('tableLabel')}>
            <thead>
              <tr><Th>{t('source')}</Th><Th>{t('outsideId')}</Th><Th>{t('catalogModel')}</Th><Th>{t('effort')}</Th><Th>{t('note')}</Th><Th><span className="sr-only">{t('remove')}</span></Th></tr>
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
                    <ActionForm action={deleteAliasAction} label={t('removeLabel', { source: a.source, id: a.externalId })} confirm={t('removeConfirm', { id: a.externalId })}>
                      <input type="hidden" name="aliasId" value={a.id} />
                      <Button type="submit" variant="ghost" size="sm">{t('remove')}</Button>
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
