import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * The body of a 403 or 404 page. `standalone` pages (an unknown URL, outside the app shell) are their own
 * <main>; inside the app shell, which already has the page's one <main>, the body is a plain section.
 */
export function StatusPage({ code, title, children, standalone }: { code: 403 | 404; title: string; children?: ReactNode; standalone?: boolean }) {
  const body = (
    <>
      <p className={code === 403 ? 'text-sm font-semibold text-danger' : 'text-sm font-semibold text-muted-foreground'}>{code}</p>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      {children}
      <Link href="/dashboard" className="mt-6 inline-block text-primary underline">
        Back to the dashboard
      </Link>
    </>
  );
  const className = 'mx-auto max-w-lg p-8 text-center';
  return standalone ? <main className={className}>{body}</main> : <section className={className}>{body}</section>;
}

export const NOT_FOUND_TITLE = 'This page does not exist';
export const FORBIDDEN_TITLE = 'You do not have access to this page';
export const FORBIDDEN_HINT = 'Ask an administrator if you think you should.';
