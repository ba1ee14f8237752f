import type { ReactNode } from 'react';

/** A tooltip box, rendered on the server and hidden until ChartTips (chart-tips.tsx) shows it beside its mark. */
export function TipBox({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div data-tip-box={id} hidden className="pointer-events-none absolute z-10 w-max max-w-72 rounded-md border border-border bg-card px-3 py-2 text-xs text-foreground shadow-md">
      {children}
    </div>
  );
}
