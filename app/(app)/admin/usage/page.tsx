import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AdminPageHeader } from '@/components/admin/admin-page-header';
import { UsageUploadForm } from '@/components/admin/usage-upload-form';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/admin/settings';
import { listTeamsWithCounts } from '@/db/queries/people/teams';
import { listUsageImports } from '@/db/queries/usage/imports';
import { listUsageTeams } from '@/db/queries/usage/mappings';
import { USAGE_SOURCES } from '@/db/schema/usage';
import { requirePermission } from '@/lib/auth/guard';
import { setUsageMappingAction, setUsageRetentionAction } from './actions';
import { ConnectionsSection } from './connections-section';

const ORIGINS = ['upload', 'command', 'pull'] as const;
const isOrigin = (o: string): o is (typeof ORIGINS)[number] => (ORIGINS as readonly string[]).includes(o);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.usage');
  return { title: t('title') };
}

/** Where usage and spend come in: uploads, the connections pulled daily, the team mapping and how long usage is kept (issue 21). */
export default async function UsagePage() {
  await requirePermission('admin.settings');
  const t = await getTranslations('admin.usage');
  const tc = await getTranslations('common');
  const db = await getDb();
  const [imports, externalTeams, teams, settings] = await Promise.all([listUsageImports(db), listUsageTeams(db), listTeamsWithCounts(db), getSettings(db)]);
  const sources = USAGE_SOURCES.map((id) => ({ id, label: t(`sources.${id}`) }));
  return (
    <>
      <AdminPageHeader
        title={t('title')}
        description={t('description')}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title={t('importTitle')}
            description={t.rich('importDescription', {
              template: (chunks) => <a href="/api/admin/usage/template" download className="underline">{chunks}</a>,
              command: 'npm run usage -- import csv file.csv',
              code: (chunks) => <code>{chunks}</code>,
            })}
          />
          <UsageUploadForm sources={sources} />
        </Card>
        <ConnectionsSection />
        <Card>
          <CardHeader
            title={t('ratesTitle')}
            description={t.rich('ratesDescription', {
              currency: settings.currency,
              rates: (chunks) => <Link href="/admin/usage/rates" className="underline">{chunks}</Link>,
            })}
          />
        </Card>
        <Card>
          <CardHeader title={t('importsTitle')} />
          {imports.length ? (
            <Table aria-label={t('importsTitle')}>
              <thead>
                <tr><Th>{t('when')}</Th><Th>{t('source')}</Th><Th>{t('how')}</Th><Th>{t('file')}</Th><Th className="text-right">{t('rows')}</Th><Th>{t('days')}</Th><Th>{t('by')}</Th></tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id}>
                    <Td className="whitespace-nowrap">{i.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</Td>
                    <Td>{i.source}</Td>
                    <Td>{isOrigin(i.origin) ? t(`origins.${i.origin}`) : i.origin}</Td>
                    <Td className="break-all">{i.fileName}</Td>
                    <Td className="num">{i.rowCount}</Td>
                    <Td className="whitespace-nowrap">{i.firstDay ? (i.firstDay === i.lastDay ? i.firstDay : `${i.firstDay} – ${i.lastDay}`) : '—'}</Td>
                    <Td>{i.createdBy}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-muted-foreground">{t('noImports')}</p>
          )}
        </Card>
        <Card>
          <CardHeader
            title={t('mappingTitle', { count: externalTeams.length })}
            description={t('mappingDescription')}
          />
          {externalTeams.length ? (
            <Table aria-label={t('mappingTable')}>
              <thead>
                <tr><Th>{t('source')}</Th><Th>{t('externalTeam')}</Th><Th className="text-right">{t('rows')}</Th><Th>{t('lastDay')}</Th><Th>{t('upliftTeam')}</Th></tr>
              </thead>
              <tbody>
                {externalTeams.map((e) => (
                  <tr key={`${e.source}:${e.externalTeam}`}>
                    <Td>{e.source}</Td>
                    <Td className="break-all font-mono text-xs">{e.externalTeam}</Td>
                    <Td className="num">{e.rows}</Td>
                    <Td className="whitespace-nowrap">{e.lastDay ?? '—'}</Td>
                    <Td>
                      <ActionForm action={setUsageMappingAction} label={t('mapLabel', { source: e.source, team: e.externalTeam })}>
                        <input type="hidden" name="source" value={e.source} />
                        <input type="hidden" name="externalTeam" value={e.externalTeam} />
                        {e.teamId === null ? <Badge tone="warning">{t('unmapped')}</Badge> : null}
                        <Select name="teamId" defaultValue={e.teamId ?? ''} aria-label={t('upliftTeamFor', { team: e.externalTeam })} className="w-48">
                          <option value="">{t('unmapped')}</option>
                          {teams.map((team) => (
                            <option key={team.id} value={team.id}>{team.name}</option>
                          ))}
                        </Select>
                        <Button type="submit" variant="secondary" size="sm">{tc('save')}</Button>
                      </ActionForm>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-muted-foreground">{t('noExternalTeams')}</p>
          )}
        </Card>
        <Card>
          <CardHeader title={t('retentionTitle')} description={t('retentionDescription')} />
          <ActionForm action={setUsageRetentionAction} label={t('retentionLabel')} className="items-end gap-3">
            <label className="text-sm">
              {t('keepFor')}
              <Input name="days" type="number" defaultValue={settings.usageRetentionDays ?? ''} placeholder={t('forever')} className="mt-1 w-40" />
            </label>
            <Button type="submit">{t('saveRetention')}</Button>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
