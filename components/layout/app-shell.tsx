import Link from 'next/link';
import type { ReactNode } from 'react';
import { signOut } from '@/app/(auth)/actions';
import { hasPermission, type SessionUser } from '@/lib/auth/permissions';
import { NavLinks, type NavItem } from './nav-links';
import { ThemeToggle } from './theme-toggle';
import { AlertBell } from '@/components/alerts/alert-bell';
import type { Theme } from '@/lib/theme';

const ROLE_LABEL = { admin: 'Admin', lead: 'Team lead', executive: 'Executive' } as const;

export function navItemsFor(user: SessionUser): NavItem[] {
  const items: NavItem[] = [
    { href: '/dashboard', label: 'Dashboard' },
    { href: '/experiments', label: 'Experiments' },
    { href: '/insights', label: 'Insights' },
    { href: '/playbook', label: 'Playbook' },
    { href: '/models', label: 'Models' },
    { href: '/trends', label: 'Trends' },
    { href: '/reports', label: 'Reports' },
  ];
  if (hasPermission(user.role, 'admin.users')) items.push({ href: '/admin', label: 'Admin' });
  return items;
}

export function AppShell({ user, orgName, unread = 0, theme = 'system', children }: { user: SessionUser; orgName: string; unread?: number; theme?: Theme; children: ReactNode }) {
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-border bg-card">
        {/* One row from 1024 px (the nav scrolls sideways rather than wrap); below, the nav is its own scrolling row. */}
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 lg:flex-nowrap">
          <Link href="/dashboard" className="leading-tight font-semibold text-primary">
            Uplift <span className="block text-xs font-normal text-muted-foreground">{orgName}</span>
          </Link>
          <nav aria-label="Main" className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-4 lg:order-none lg:mx-0 lg:w-auto lg:min-w-0 lg:flex-1 lg:px-0">
            <NavLinks items={navItemsFor(user)} />
          </nav>
          <div className="ml-auto flex items-center gap-3 text-sm">
            <ThemeToggle initial={theme} />
            <AlertBell unread={unread} />
            <Link href="/account" className="text-right hover:underline" data-testid="current-user">
              <span className="block font-medium">{user.name}</span>
              <span className="block text-xs text-muted-foreground">{ROLE_LABEL[user.role]}</span>
            </Link>
            <form action={signOut}>
              <button type="submit" className="rounded-md border border-border px-3 py-1.5 hover:bg-muted">
                Sign out
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
