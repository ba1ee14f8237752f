'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * Renders its children only once the box comes near the viewport (IntersectionObserver), so a lazy chart's
 * code (a next/dynamic *-plot.tsx) is fetched when the reader scrolls to it, not on first load. The caller
 * gives the box its size: the placeholder takes the chart's place and the layout does not jump.
 */
export function WhenVisible({ children, className = 'h-full w-full', rootMargin = '200px' }: { children: ReactNode; className?: string; rootMargin?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || visible) return;
    if (typeof IntersectionObserver === 'undefined') return setVisible(true);
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        io.disconnect();
      }
    }, { rootMargin });
    io.observe(el);
    return () => io.disconnect();
  }, [visible, rootMargin]);
  return (
    <div ref={ref} className={className} data-visible={visible || undefined}>
      {visible ? children : <ChartPlaceholder />}
    </div>
  );
}

/** What a lazy chart shows until its code has arrived: a quiet block of the chart's size. */
export function ChartPlaceholder() {
  return <div aria-hidden className="h-full w-full animate-pulse rounded-md bg-muted/50" />;
}
