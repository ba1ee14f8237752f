import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { homePath } from '@/lib/auth/permissions';
import { safeNextPath } from '@/lib/auth/safe-next';
import { getCurrentUser } from '@/lib/auth/session';
import { countUsers } from '@/db/queries/people/users';
import { getDb } from '@/db';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { getSsoSettings } from '@/db/queries/admin/sso';
import { resolveSsoConfig } from '@/lib/auth/sso/config';
import { ssoErrorMessage } from '@/lib/auth/sso/messages';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(homePath(user.role));
  if ((await countUsers(await getDb())) === 0) redirect('/setup');
  const { next, error } = await searchParams;
  const db = await getDb();
  const [sso, settings] = await Promise.all([resolveSsoConfig(db), getSsoSettings(db)]);
  const safeNext = safeNextPath(next) ?? undefined;
  const ssoError = ssoErrorMessage(typeof error === 'string' ? error : undefined);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-border bg-card p-6 shadow-sm">
        <p className="text-sm font-semibold text-primary">Uplift</p>
        <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
        <p className="mb-6 text-sm text-muted-foreground">What AI is really changing in your organisation.</p>
        {ssoError ? (
          <p role="alert" className="mb-4 rounded-md border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-danger">
            {ssoError}
          </p>
        ) : null}
        {sso ? (
          <>
            <a
              href={`/api/sso/start${safeNext ? `?next=${encodeURIComponent(safeNext)}` : ''}`}
              className={cn(buttonClasses('primary'), 'w-full')}
            >
              Sign in with {sso.name}
            </a>
            <p className="my-4 text-center text-xs text-muted-foreground">
              {settings?.passwordsDisabled ? 'Passwords are off; the break-glass admin signs in below.' : 'or with your password'}
            </p>
          </>
        ) : null}
        <LoginForm next={safeNext} />
      </div>
    </main>
  );
}
