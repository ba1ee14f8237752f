import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { getDb } from '@/db';
import { getSettings } from '@/db/queries/admin/settings';
import { requireUser } from '@/lib/auth/guard';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const settings = await getSettings(await getDb());
  return (
    <AppShell user={user} orgName={settings.name}>
      {children}
    </AppShell>
  );
}
