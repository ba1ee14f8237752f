import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { signOut } from '@/app/(auth)/actions';
import { hasPermission, type SessionUser } from '@/lib/auth/permissions';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';
import { LanguageMenu } from './language-menu';
import type { LanguageChoice } from './language-choice';
import { AlertBell } from '@/components/alerts/alert-bell';
import type { Theme } from '@/lib/theme';

type NavKey = 'dashboard' | 'experiments' | 'insights' | 'playbook' | 'models' | 'trends' | 'reports' | 'admin';

/** The main navigation's pages for this person, by their key in messages/<locale>/nav.json (`items`). */
export function navItemsFor(user: SessionUser): { href: string; key: NavKey }[] {
  const keys: NavKey[] = ['dashboard', 'experiments', 'insights', 'playbook', 'models', 'trends', 'reports'];
  if (hasPermission(user.role, 'admin.users')) keys.push('admin');
  return keys.map((key) => ({ href: `/${key}`, key }));
}

export function AppShell({
  user,
  orgName,
  unread = 0,
  theme = 'system',
  language = 'browser',
  children,
}: {
  user: SessionUser;
  orgName: string;
  unread?: number;
  theme?: Theme;
  language?: LanguageChoice;
  children: ReactNode;
}) {
  const t = useTranslations('nav');
  const tl = useTranslations('labels');
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('skipToContent')}
      </a>
      <header className="border-b border-border bg-card">
        {/* One row from 1024 px (the nav scrolls sideways rather than wrap); below, the nav is its own scrolling row. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 lg:flex-nowrap">
          <Link href="/dashboard" className="leading-tight font-semibold text-primary">
            {t('brand')} <span className="block text-xs font-normal text-muted-foreground">{orgName}</span>
          </Link>
          <nav aria-label={t('main')} className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-4 lg:order-none lg:mx-0 lg:w-auto lg:min-w-0 lg:flex-1 lg:px-0">
            <NavLinks items={navItemsFor(user).map(({ href, key }) => ({ href, label: t(`items.${key}`) }))} />
          </nav>
          {/* Wraps rather than widen a phone's page; the theme and language menus share one column to stay narrow. */}
          <div className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-2 text-sm">
            <div className="flex flex-col items-end gap-1">
              <ThemeToggle initial={theme} />
              <LanguageMenu initial={language} />
            </div>
            <AlertBell unread={unread} />
            <Link href="/account" className="text-right hover:underline" data-testid="current-user">
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-muted-foreground">{tl(`role.${user.role}`)}</span>
            </Link>
            <form action={signOut}>
              <button type="submit" className="rounded-md border border-border px-3 py-1.5 hover:bg-muted">
                {t('signOut')}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
