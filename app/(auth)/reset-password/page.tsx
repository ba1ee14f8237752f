import type { Metadata } from 'next';
import { ResetPasswordForm } from '@/components/auth/password-forms';

export const metadata: Metadata = { title: 'Set your password' };
export const dynamic = 'force-dynamic';

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-border bg-card p-6 shadow-sm">
        <h1 className="mb-4 text-xl font-semibold">Set your password</h1>
        {typeof token === 'string' && token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <p className="text-sm text-danger">This link has no token. Ask an administrator for a new one.</p>
        )}
      </div>
    </main>
  );
}
