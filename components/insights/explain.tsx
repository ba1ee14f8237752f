import type { ReactNode } from 'react';

/** The plain-words explanation under each insight's title. */
export function Explain({ children }: { children: ReactNode }) {
  return <p className="mb-4 max-w-3xl text-sm text-muted-foreground">{children}</p>;
}

export const pct = (n: number | null | undefined) => (n == null ? '—' : `${Math.round(n * 100)}%`);
export const hhiText = (n: number | null | undefined) => (n == null ? '—' : n.toFixed(2));
