import type { Metadata } from 'next';
import Link from 'next/link';
import { UsageUploadForm } from '@/components/admin/usage-upload-form';
import { ActionForm } from '@/components/ui/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Input, Select } from '@/components/ui/field';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/admin/settings';
import { listTeamsWithCounts } from '@/db/queries/people/teams';
import { listUsageImports } from '@/db/queries/usage/imports';
import { listUsageTeams } from '@/db/queries/usage/mappings';
import { USAGE_SOURCES } from '@/db/schema/usage';
import { requirePermission } from '@/lib/auth/guard';
import { SOURCE_LABELS } from '@/lib/usage/sources';
import { setUsageMappingAction, setUsageRetentionAction } from './actions';
import { ConnectionsSection } from './connections-section';

export const metadata: Metadata = { title: 'Usage data' };

/** Where usage and spend come in: uploads, the connections pulled daily, the team mapping and how long usage is kept (issue 21). */
export default async function UsagePage() {
  await requirePermission('admin.settings');
  const db = await getDb();
  const [imports, externalTeams, teams, settings] = await Promise.all([listUsageImports(db), listUsageTeams(db), listTeamsWithCounts(db), getSettings(db)]);
  const sources = USAGE_SOURCES.map((id) => ({ id, label: SOURCE_LABELS[id] }));
  return (
    <>
      <PageHeader
        title="Usage data"
        description="Usage and spend as the AI vendors record it: upload a file or an API page, map each vendor team to an Uplift team, and choose how long usage is kept. Every import and change is in the audit trail."
        actions={<Link href="/admin" className="text-sm underline">Back to admin</Link>}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader
            title="Import a file"
            description={
              <>
                A Copilot usage metrics report (NDJSON), an OpenAI Usage or Costs API page, an Anthropic usage or cost report page, LiteLLM daily activity or spend
                logs, or the generic CSV (<a href="/api/admin/usage/template" download className="underline">download the template</a>). Importing a day again
                replaces its rows, so nothing is counted twice. Large files: <code>npm run usage -- import csv file.csv</code>.
              </>
            }
          />
          <UsageUploadForm sources={sources} />
        </Card>
        <ConnectionsSection />
        <Card>
          <CardHeader title="Recent imports" />
          {imports.length ? (
            <Table aria-label="Recent imports">
              <thead>
                <tr><Th>When</Th><Th>Source</Th><Th>How</Th><Th>File</Th><Th className="text-right">Rows</Th><Th>Days</Th><Th>By</Th></tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id}>
                    <Td className="whitespace-nowrap">{i.createdAt.toISOString().slice(0, 16).replace('T', ' ')}</Td>
                    <Td>{i.source}</Td>
                    <Td>{i.origin}</Td>
                    <Td className="break-all">{i.fileName}</Td>
                    <Td className="text-right tabular-nums">{i.rowCount}</Td>
                    <Td className="whitespace-nowrap">{i.firstDay ? (i.firstDay === i.lastDay ? i.firstDay : `${i.firstDay} – ${i.lastDay}`) : '—'}</Td>
                    <Td>{i.createdBy}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-muted-foreground">Nothing imported yet.</p>
          )}
        </Card>
        <Card>
          <CardHeader
            title={`Team mapping (${externalTeams.length})`}
            description="Every vendor project, API key, Copilot team or LiteLLM team seen in usage. Unmapped usage is kept and shown as unmapped; mapping it moves its rows at once."
          />
          {externalTeams.length ? (
            <Table aria-label="Team mapping">
              <thead>
                <tr><Th>Source</Th><Th>External team</Th><Th className="text-right">Rows</Th><Th>Last day</Th><Th>Uplift team</Th></tr>
              </thead>
              <tbody>
                {externalTeams.map((t) => (
                  <tr key={`${t.source}:${t.externalTeam}`}>
                    <Td>{t.source}</Td>
                    <Td className="break-all font-mono text-xs">{t.externalTeam}</Td>
                    <Td className="text-right tabular-nums">{t.rows}</Td>
                    <Td className="whitespace-nowrap">{t.lastDay ?? '—'}</Td>
                    <Td>
                      <ActionForm action={setUsageMappingAction} label={`Map ${t.source} ${t.externalTeam}`}>
                        <input type="hidden" name="source" value={t.source} />
                        <input type="hidden" name="externalTeam" value={t.externalTeam} />
                        {t.teamId === null ? <Badge tone="warning">Unmapped</Badge> : null}
                        <Select name="teamId" defaultValue={t.teamId ?? ''} aria-label={`Uplift team for ${t.externalTeam}`} className="w-48">
                          <option value="">Unmapped</option>
                          {teams.map((team) => (
                            <option key={team.id} value={team.id}>{team.name}</option>
                          ))}
                        </Select>
                        <Button type="submit" variant="secondary" size="sm">Save</Button>
                      </ActionForm>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <p className="text-sm text-muted-foreground">No external teams yet: they appear with the first import.</p>
          )}
        </Card>
        <Card>
          <CardHeader title="Retention" description="Usage is kept forever unless you set a number of days (30 or more); the daily usage-retention job deletes older rows." />
          <ActionForm action={setUsageRetentionAction} label="Usage retention" className="items-end gap-3">
            <label className="text-sm">
              Keep usage for (days)
              <Input name="days" type="number" defaultValue={settings.usageRetentionDays ?? ''} placeholder="forever" className="mt-1 w-40" />
            </label>
            <Button type="submit">Save retention</Button>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
