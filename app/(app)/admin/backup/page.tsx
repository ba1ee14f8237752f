import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { RestoreForm } from '@/components/reports/restore-form';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { restoreLimitMb } from '@/db/backup/read';
import { restoreNeedsOwner } from '@/db/backup/restore';
import { getOverviewCounts } from '@/db/queries/dashboard/overview';
import { requirePermission } from '@/lib/auth/guard';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.backup');
  return { title: t('title') };
}

const RESTORE_COMMAND = 'npm run restore -- backup.json.gz';
const code = (chunks: ReactNode) => <code>{chunks}</code>;

export default async function BackupPage() {
  await requirePermission('admin.backup');
  const t = await getTranslations('admin.backup');
  const db = await getDb();
  const [counts, needsOwner] = await Promise.all([getOverviewCounts(db), restoreNeedsOwner(db)]);
  const n = counts.experiments;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t('downloadTitle')} />
          <p className="mb-3 text-sm">
            {t.rich('sensitive', { strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <a href="/api/admin/backup" download className={buttonClasses('primary')}>
            {t('download')}
          </a>
        </Card>
        <Card>
          <CardHeader title={t('restoreTitle')} description={t('restoreDescription')} />
          {n > 0 ? (
            <p className="text-sm" data-testid="restore-unavailable">
              {t.rich('notEmpty', { code, demo: 'UPLIFT_DEMO=0', command: RESTORE_COMMAND })}
            </p>
          ) : needsOwner ? (
            <p className="text-sm" data-testid="restore-needs-owner">
              {t.rich('needsOwner', { code, command: RESTORE_COMMAND, variable: 'UPLIFT_MIGRATE_DATABASE_URL' })}
            </p>
          ) : (
            <>
              <p className="mb-3 text-sm">
                {t.rich('empty', { code, mb: restoreLimitMb(), variable: 'UPLIFT_RESTORE_MAX_MB' })}
              </p>
              <RestoreForm />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
