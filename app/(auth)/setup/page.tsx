import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { SetupForm } from '@/components/auth/setup-form';
import { getDb } from '@/db';
import { countUsers } from '@/db/queries/people/users';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.setup');
  return { title: t('metaTitle') };
}
export const dynamic = 'force-dynamic';

/** Only reachable while the instance has no users (PostgreSQL without UPLIFT_ADMIN_EMAIL, or UPLIFT_DEMO=0). */
export default async function SetupPage() {
  if ((await countUsers(await getDb())) > 0) redirect('/login');
  const t = await getTranslations('auth.setup');
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-border bg-card p-6 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{t('title')}</h1>
        <p className="mb-6 text-sm text-muted-foreground">{t('intro')}</p>
        <SetupForm />
      </div>
    </main>
  );
}
