import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { homePath } from '@/lib/auth/permissions';
import { safeNextPath } from '@/lib/auth/safe-next';
import { getCurrentUser } from '@/lib/auth/session';
import { countUsers } from '@/db/queries/people/users';
import { getDb } from '@/db';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(homePath(user.role));
  if ((await countUsers(await getDb())) === 0) redirect('/setup');
  const { next } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-border bg-card p-6 shadow-sm">
        <p className="text-sm font-semibold text-primary">Uplift</p>
        <h1 className="mb-1 text-xl font-semibold">Sign in</h1>
        <p className="mb-6 text-sm text-muted-foreground">What AI is really changing in your organisation.</p>
        <LoginForm next={safeNextPath(next) ?? undefined} />
      </div>
    </main>
  );
}
