import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/admin/settings';
import { countUnread } from '@/db/queries/alerts/inbox';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const db = await getDb();
  const [settings, unread] = await Promise.all([getSettings(db), countUnread(db, user.id)]);
  return (
    <AppShell user={user} orgName={settings.name} unread={unread}>
      {children}
    </AppShell>
  );
}
