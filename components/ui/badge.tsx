import type { ReactNode } from 'react';
import { cn } from './cn';

type Tone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger';

export function Badge({ tone = 'neutral', children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium',
        tone === 'neutral' && 'border-border bg-muted text-foreground',
        tone === 'primary' && 'border-primary/40 text-primary',
        tone === 'success' && 'border-success/40 text-success',
        tone === 'warning' && 'border-warning/50 text-warning',
        tone === 'danger' && 'border-danger/50 text-danger',
        className,
      )}
    >
      {children}
    </span>
  );
}
