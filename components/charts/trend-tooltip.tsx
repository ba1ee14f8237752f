import type { ReactNode } from 'react';

/** The box every trend chart's tooltip uses. */
export function TrendTooltipBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="rounded-md border border-border bg-card px-3 py-2 text-xs text-foreground shadow-md">
      <p className="font-semibold">{title}</p>
      <div className="mt-1 space-y-0.5 text-muted-foreground">{children}</div>
    </div>
  );
}
