'use client';

import { useRouter } from 'next/navigation';
import { useRef, type ReactNode } from 'react';

/**
 * The only client code of the SVG charts (bar-chart-svg.tsx, trend-capability-price.tsx): shows the tooltip
 * box of the mark under the pointer or with keyboard focus, and makes a click on a mark's link a client-side
 * navigation. Marks carry `data-tip="<id>"`, boxes `data-tip-box="<id>"`; both are rendered on the server,
 * so without JavaScript the links still work and every mark keeps its <title>.
 */
export function ChartTips({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();

  const show = (target: EventTarget | null) => {
    const root = ref.current;
    if (!root) return;
    const mark = target instanceof Element ? target.closest('[data-tip]') : null;
    const id = mark && root.contains(mark) ? mark.getAttribute('data-tip') : null;
    let box: HTMLElement | null = null;
    for (const b of root.querySelectorAll<HTMLElement>('[data-tip-box]')) {
      b.hidden = b.dataset.tipBox !== id;
      if (!b.hidden) box = b;
    }
    if (!box || !mark) return;
    // Beside the mark, flipped to its left when it would leave the chart, kept inside vertically.
    const m = mark.getBoundingClientRect();
    const c = root.getBoundingClientRect();
    let left = m.right - c.left + 10;
    if (left + box.offsetWidth > c.width) left = Math.max(0, m.left - c.left - box.offsetWidth - 10);
    const top = Math.max(0, Math.min(m.top - c.top, c.height - box.offsetHeight));
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
  };

  return (
    <div
      ref={ref}
      className={`relative ${className ?? ''}`}
      onPointerOver={(e) => show(e.target)}
      onPointerLeave={() => show(null)}
      onFocus={(e) => show(e.target)}
      onBlur={() => show(null)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') show(null);
      }}
      onClick={(e) => {
        const a = e.target instanceof Element ? e.target.closest('a') : null;
        const href = a?.getAttribute('href');
        if (!href?.startsWith('/') || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        router.push(href);
      }}
    >
      {children}
    </div>
  );
}
