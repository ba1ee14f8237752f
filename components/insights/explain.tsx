import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** The plain-words explanation under each insight's title. */
export function Explain({ children }: { children: ReactNode }) {
  return <p className="mb-4 max-w-3xl text-sm text-muted-foreground">{children}</p>;
}

export const pct = (n: number | null | undefined) => (n == null ? '—' : `${Math.round(n * 100)}%`);
export const hhiText = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(2));

/** Long lists show their first ten on the page, the experiment list has the rest (fifty radar items, each with its re-test
 * forms, were two thirds of the page at 10^5 experiments: 686 kB). */
export const SHOWN = 10;

export function MoreInList({ shown, total, href }: { shown: number; total: number; href: string }) {
  const t = useTranslations('insights');
  return (
    <p className="mt-3 text-sm text-muted-foreground">
      {t.rich('moreInList', {
        shown,
        total,
        link: (chunks) => (
          <Link href={href} className="text-primary underline underline-offset-2">
            {chunks}
          </Link>
        ),
      })}
    </p>
  );
}

/** Under a list of flags, the ones already acted on (mitigated, re-tested), as a short list. */
export function ActedOnList({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <div className="mt-6">
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      <ul className="space-y-1 text-sm" data-testid={testId}>
        {children}
      </ul>
    </div>
  );
}

/** An experiment's title, linking to its page. */
export function ExperimentLink({ id, children }: { id: number; children: ReactNode }) {
  return (
    <Link href={`/experiments/${id}`} className="hover:underline">
      {children}
    </Link>
  );
}

/** The first line of a flagged experiment: its title (to its page), and on the right its team and the flag's detail. */
export function FlaggedHeading({ id, title, team, children }: { id: number; title: string; team: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <Link href={`/experiments/${id}`} className="font-medium hover:underline">
        {title}
      </Link>
      <span className="text-sm text-muted-foreground">
        {team} · {children}
      </span>
    </div>
  );
}
