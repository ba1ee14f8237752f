import type { Metadata } from 'next';
import { RestoreForm } from '@/components/reports/restore-form';
import { buttonClasses } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { restoreLimitMb } from '@/db/backup/read';
import { restoreNeedsOwner } from '@/db/backup/restore';
import { getOverviewCounts } from '@/db/queries/dashboard/overview';
import { requirePermission } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Backup and restore' };

export default async function BackupPage() {
  await requirePermission('admin.backup');
  const db = await getDb();
  const [counts, needsOwner] = await Promise.all([getOverviewCounts(db), restoreNeedsOwner(db)]);
  const n = counts.experiments;
  return (
    <>
      <PageHeader
        title="Backup and restore"
        description="A complete snapshot of this instance: every table except sign-in sessions, with the schema version. It restores into a fresh instance on PGlite or PostgreSQL."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Download a backup" />
          <p className="mb-3 text-sm">
            <strong>The file is sensitive.</strong> It holds every experiment, every user and their password hashes (so people can sign in after a
            restore). Keep it where only administrators can read it, encrypted at rest.
          </p>
          <a href="/api/admin/backup" download className={buttonClasses('primary')}>
            Download backup (.json.gz)
          </a>
        </Card>
        <Card>
          <CardHeader
            title="Restore"
            description="The file is checked completely first (format, schema version, every reference) and applied in one transaction: a bad file changes nothing."
          />
          {n > 0 ? (
            <p className="text-sm" data-testid="restore-unavailable">
              This instance already holds experiments, so it cannot be restored over. Start a fresh instance with <code>UPLIFT_DEMO=0</code> and run{' '}
              <code>npm run restore -- backup.json.gz</code>, or restore here in the fresh instance.
            </p>
          ) : needsOwner ? (
            <p className="text-sm" data-testid="restore-needs-owner">
              This server connects to PostgreSQL as an ordinary role, which may not replace the audit trail. Restore from the command line
              with <code>npm run restore -- backup.json.gz</code> and <code>UPLIFT_MIGRATE_DATABASE_URL</code> set to the role that owns the
              schema.
            </p>
          ) : (
            <>
              <p className="mb-3 text-sm">
                This instance has no experiments yet. Restoring replaces everything, including your own account: afterwards, sign in with an account
                from the backup. Files up to {restoreLimitMb()} MB uncompressed are read (<code>UPLIFT_RESTORE_MAX_MB</code>).
              </p>
              <RestoreForm />
            </>
          )}
        </Card>
      </div>
    </>
  );
}
