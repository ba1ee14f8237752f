import type { ReactNode } from 'react';

/** A tooltip box, rendered on the server and hidden until ChartTips (chart-tips.tsx) shows it beside its mark. */
export function TipBox({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div data-tip-box={id} hidden className="tip-box">
      {children}
    </div>
  );
}
