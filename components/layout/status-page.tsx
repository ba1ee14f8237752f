import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * The body of a 403 or 404 page. `standalone` pages (an unknown URL, outside the app shell) are their own
 * <main>; inside the app shell, which already has the page's one <main>, the body is a plain section.
 */
export function StatusPage({ code, title, children, standalone }: { code: 403 | 404; title: string; children?: ReactNode; standalone?: boolean }) {
  const t = useTranslations('nav.status');
  const body = (
    <>
      <p className={code === 403 ? 'text-sm font-semibold text-danger' : 'text-sm font-semibold text-muted-foreground'}>{code}</p>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      {children}
      <Link href="/dashboard" className="mt-6 inline-block text-primary underline">
        {t('backToDashboard')}
      </Link>
    </>
  );
  const className = 'mx-auto max-w-lg p-8 text-center';
  return standalone ? <main className={className}>{body}</main> : <section className={className}>{body}</section>;
}

/** A page that does not exist (notFound(), or an unknown URL when `standalone`). */
export function NotFoundPage({ standalone }: { standalone?: boolean }) {
  const t = useTranslations('nav.status');
  return <StatusPage code={404} title={t('notFoundTitle')} standalone={standalone} />;
}

/** A page this person may not see (forbidden()), with whom to ask. */
export function ForbiddenPage({ standalone }: { standalone?: boolean }) {
  const t = useTranslations('nav.status');
  return (
    <StatusPage code={403} title={t('forbiddenTitle')} standalone={standalone}>
      <p className="mt-2 text-sm text-muted-foreground">{t('forbiddenHint')}</p>
    </StatusPage>
  );
}
