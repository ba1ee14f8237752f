import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { translateServerText } from '@/i18n/server-text-catalogs';
import { CatalogSyncCard } from '@/components/admin/catalog-sync-card';
import { CreateTeamForm } from '@/components/admin/create-team-form';
import { TeamRecordingForm } from '@/components/admin/team-recording-form';
import { setTeamRecordingAction } from './actions';
import { listSyncs } from '@/db/queries/models/catalog-sync';
import { listJobRuns } from '@/db/queries/admin/jobs';
import { JobHistory } from '@/components/admin/job-history';
import { DeadLetters } from '@/components/admin/dead-letters';
import { listDeadLetters } from '@/db/queries/alerts/outbox';
import { resendDeadLetterAction } from './outbox-actions';
import { deleteWebhookAction, setWebhookEnabledAction, testWebhookAction } from './webhook-actions';
import { WebhooksCard } from '@/components/admin/webhooks-card';
import { listWebhooks } from '@/db/queries/alerts/webhooks';
import { smtpConfigProblem } from '@/lib/mail/smtp-config';
import { listJobs } from '@/lib/jobs/registry';
import { jobsEnabled } from '@/lib/jobs/schedule';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { LockOutsTable } from '@/components/admin/lockouts-table';
import { SettingsForm } from '@/components/admin/settings-form';
import { UsersTable } from '@/components/admin/users-table';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Table, TableHead, Td } from '@/components/ui/table';
import { getDb } from '@/db';
import { listLockOuts } from '@/db/queries/people/login-attempts';
import { getSettings } from '@/db/queries/admin/settings';
import { listTeamsWithCounts } from '@/db/queries/people/teams';
import { listServiceTokens } from '@/db/queries/people/api-tokens';
import { CreateTokenForm } from '@/components/tokens/create-token-form';
import { TokensTable } from '@/components/tokens/tokens-table';
import { createServiceTokenAction, revokeServiceTokenAction } from './token-actions';
import { listUsers } from '@/db/queries/people/users';
import { breakGlassCandidates, getSsoSettings, listRoleMappings } from '@/db/queries/admin/sso';
import { PasswordPolicyForm, SsoMappings, SsoProviderForm, type SsoView } from '@/components/admin/sso-forms';
import { publicUrl } from '@/lib/auth/secret';
import { envSsoConfig } from '@/lib/auth/sso/config';
import { requirePermission } from '@/lib/auth/guard';
import { THROTTLE } from '@/lib/auth/throttle';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.page');
  return { title: t('title') };
}

export default async function AdminPage() {
  const admin = await requirePermission('admin.users');
  const t = await getTranslations('admin.page');
  const db = await getDb();
  const limits = {
    windowMinutes: THROTTLE.windowMinutes,
    perAccountClient: THROTTLE.maxFailuresPerAccountClient,
    perClient: THROTTLE.maxFailuresPerClient,
    keepHours: THROTTLE.keepHours,
  };
  const [users, teams, settings, lockOuts, serviceTokens, syncs, runs, sso, mappings, candidates, deadLetters, hooks] = await Promise.all([
    listUsers(db),
    listTeamsWithCounts(db),
    getSettings(db),
    listLockOuts(db, limits),
    listServiceTokens(db),
    listSyncs(db),
    listJobRuns(db),
    getSsoSettings(db),
    listRoleMappings(db),
    breakGlassCandidates(db),
    listDeadLetters(db),
    listWebhooks(db),
  ]);
  // One sentence from lib/mail/smtp-config.ts, in the reader's language like every server message (i18n/server-text.ts).
  const smtpProblemText = smtpConfigProblem();
  const smtpProblem = smtpProblemText && translateServerText(smtpProblemText, await getLocale());
  // The server checked these at start; a page never fails on them.
  const scheduleOf = (j: ReturnType<typeof listJobs>[number]) => {
    try {
      return j.schedule(process.env);
    } catch {
      return 'misconfigured';
    }
  };
  const jobs = listJobs().map((j) => ({ name: j.name, description: j.description, schedule: scheduleOf(j) }));
  let enabled = true;
  try {
    enabled = jobsEnabled();
  } catch {
    enabled = false;
  }
  const fromEnv = envSsoConfig();
  // Never the secret itself: only whether one is saved.
  const ssoView: SsoView = fromEnv
    ? { source: 'env', issuer: fromEnv.issuer, clientId: fromEnv.clientId, name: fromEnv.name, allowedDomains: fromEnv.allowedDomains.join(' '), roleClaim: fromEnv.roleClaim, secretSet: true, callbackUrl: '' }
    : { source: sso.issuer ? 'admin' : 'none', issuer: sso.issuer, clientId: sso.clientId, name: sso.name, allowedDomains: sso.allowedDomains, roleClaim: sso.roleClaim, secretSet: Boolean(sso.clientSecretSealed), callbackUrl: '' };
  ssoView.callbackUrl = `${publicUrl()}/api/auth/callback/oidc`;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<span className="flex gap-4"><a href="/admin/usage" className="text-sm underline">{t('usageLink')}</a><a href="/admin/backup" className="text-sm underline">{t('backupLink')}</a></span>} />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t('organisation')} />
          <SettingsForm settings={settings} />
        </Card>
        <Card>
          <CardHeader title={t('usersTitle', { count: users.length })} description={t('usersDescription')} />
          <div className="mb-4">
            <CreateUserForm teams={teams} />
          </div>
          <UsersTable users={users} teams={teams} selfId={admin.id} />
        </Card>
        <Card aria-labelledby="lockouts-title">
          <CardHeader
            title={<span id="lockouts-title">{t('lockoutsTitle')}</span>}
            description={t('lockoutsDescription', { minutes: THROTTLE.windowMinutes, perAccount: THROTTLE.maxFailuresPerAccountClient, perClient: THROTTLE.maxFailuresPerClient })}
          />
          <LockOutsTable lockOuts={lockOuts} />
        </Card>
        <Card>
          <CardHeader
            title={t('teamsTitle', { count: teams.length })}
            description={t('teamsDescription')}
          />
          <div className="mb-4">
            <CreateTeamForm />
          </div>
          <Table>
            <TableHead columns={[t('teamColumns.team'), t('teamColumns.function'), { label: t('teamColumns.members'), numeric: true }, { label: t('teamColumns.experiments'), numeric: true }, { label: t('teamColumns.participantsRecord'), numeric: true }]} />
            <tbody>
              {teams.map((t) => (
                <tr key={t.id}>
                  <Td className="font-medium">{t.name}</Td>
                  <Td>{t.function}</Td>
                  <Td className="text-right">{t.members}</Td>
                  <Td className="text-right">{t.experiments}</Td>
                  <Td className="text-right">
                    <TeamRecordingForm team={t} action={setTeamRecordingAction} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <CatalogSyncCard syncs={syncs} />
        <JobHistory jobs={jobs} runs={runs} enabled={enabled} />
        {smtpProblem ? (
          <p role="alert" className="rounded-md border border-danger px-4 py-3 text-sm text-danger" data-testid="smtp-problem">
            {t('smtpProblem', { problem: smtpProblem })}
          </p>
        ) : null}
        <DeadLetters letters={deadLetters} resend={resendDeadLetterAction} />
        <WebhooksCard hooks={hooks} sendTest={testWebhookAction} remove={deleteWebhookAction} setEnabled={setWebhookEnabledAction} />
        <Card>
          <CardHeader
            title={t('ssoTitle')}
            description={t('ssoDescription')}
          />
          <SsoProviderForm view={ssoView} />
          <h3 className="mb-2 mt-6 text-sm font-semibold">{t('roleMapping')}</h3>
          <SsoMappings mappings={mappings} teams={teams} />
          <h3 className="mb-2 mt-6 text-sm font-semibold">{t('localPasswords')}</h3>
          <PasswordPolicyForm disabled={sso.passwordsDisabled} breakGlassUserId={sso.breakGlassUserId} candidates={candidates} />
        </Card>
        <Card>
          <CardHeader
            title={t('serviceTokensTitle')}
            description={t('serviceTokensDescription')}
          />
          <div className="mb-4">
            <CreateTokenForm action={createServiceTokenAction} teams={teams} idPrefix="service-token" />
          </div>
          <TokensTable tokens={serviceTokens} revoke={revokeServiceTokenAction} showScope />
        </Card>
      </div>
    </>
  );
}
