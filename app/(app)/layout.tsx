import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/layout/app-shell';
import { languageChoiceOf } from '@/components/layout/language-choice';
import { getDb } from '@/db';
import { countUnread } from '@/db/queries/alerts/inbox';
import { requireUser } from '@/lib/auth/guard';
import { getRequestSettings } from '@/lib/request-settings';
import { LOCALE_COOKIE } from '@/i18n/locales';
import { THEME_COOKIE, parseTheme } from '@/lib/theme';

export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const db = await getDb();
  const [settings, unread] = await Promise.all([getRequestSettings(), countUnread(db, user.id)]);
  const jar = await cookies();
  const theme = parseTheme(jar.get(THEME_COOKIE)?.value);
  const language = languageChoiceOf(user.locale, jar.get(LOCALE_COOKIE)?.value);
  return (
    <AppShell user={user} orgName={settings.name} unread={unread} theme={theme} language={language}>
      {children}
    </AppShell>
  );
}
