import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { getDb } from '@/db';
import { countUsers } from '@/db/queries/people/users';

export const metadata: Metadata = { title: 'First-run setup' };
export const dynamic = 'force-dynamic';

/** Only reachable while the instance has no users (PostgreSQL without UPLIFT_ADMIN_EMAIL, or UPLIFT_DEMO=0). */
export default async function SetupPage() {
  if ((await countUsers(await getDb())) > 0) redirect('/login');
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-border bg-card p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Set up Uplift</h1>
        <p className="mb-6 text-sm text-muted-foreground">Create the first administrator. This page disappears once it exists.</p>
        <SetupForm />
      </div>
    </main>
  );
}
