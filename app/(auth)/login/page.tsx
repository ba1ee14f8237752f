import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/auth/login-form';
import { LanguageMenu } from '@/components/layout/language-menu';
import { languageChoiceOf } from '@/components/layout/language-choice';
import { LOCALE_COOKIE } from '@/i18n/locales';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('auth.login');
  return { title: t('title') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; error?: string }> }) {
  const user = await getCurrentUser();
  if (user) redirect(homePath(user.role));
  if ((await countUsers(await getDb())) === 0) redirect('/setup');
  const { next, error } = await searchParams;
  const db = await getDb();
  const [sso, settings] = await Promise.all([resolveSsoConfig(db), getSsoSettings(db)]);
  const safeNext = safeNextPath(next) ?? undefined;
  const ssoError = ssoErrorMessage(typeof error === 'string' ? error : undefined);
  const [t, tn, jar] = await Promise.all([getTranslations('auth.login'), getTranslations('nav'), cookies()]);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl border border-border bg-card p-6 shadow-sm">
        <p className="text-sm font-semibold text-primary">{tn('brand')}</p>
        <h1 className="mb-1 text-xl font-semibold">{t('title')}</h1>
        <p className="mb-6 text-sm text-muted-foreground">{t('tagline')}</p>
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
              {t('withSso', { name: sso.name })}
            </a>
            <p className="my-4 text-center text-xs text-muted-foreground">
              {settings?.passwordsDisabled ? t('passwordsOff') : t('orPassword')}
            </p>
          </>
        ) : null}
        <LoginForm next={safeNext} />
        {/* Signed out, the choice is this browser's cookie; signing in keeps it until the person picks one of their own. */}
        <div className="mt-6 flex justify-end">
          <LanguageMenu initial={languageChoiceOf(null, jar.get(LOCALE_COOKIE)?.value)} />
        </div>
      </div>
    </main>
  );
}
