import Link from 'next/link';
import type { ReactNode } from 'react';

/** The plain-words explanation under each insight's title. */
export function Explain({ children }: { children: ReactNode }) {
  return <p className="mb-4 max-w-3xl text-sm text-muted-foreground">{children}</p>;
}

export const pct = (n: number | null | undefined) => (n == null ? '—' : `${Math.round(n * 100)}%`);
export const hhiText = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(2));

/** Long lists show this many items on the page; the experiment list has the rest. */
export const SHOWN = 50;

export function MoreInList({ shown, total, href }: { shown: number; total: number; href: string }) {
  return (
    <p className="mt-3 text-sm text-muted-foreground">
      Showing {shown} of {total}.{' '}
      <Link href={href} className="text-primary underline underline-offset-2">
        See all in the experiment list
      </Link>
    </p>
  );
}
