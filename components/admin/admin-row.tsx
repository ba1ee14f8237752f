import type { ReactNode } from 'react';

/**
 * One row of an admin list (webhooks, undelivered messages): its name in bold with what follows it on the same
 * line, its details in small print below, and its buttons at the end.
 */
export function AdminRow({ name, after, details, children }: { name: ReactNode; after?: ReactNode; details: ReactNode[]; children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-start gap-3 py-2">
      <div className="min-w-0 flex-1">
        <span className="font-medium">{name}</span> {after}
        {details.map((d, i) => (
          <span key={i} className="block break-all text-xs text-muted-foreground">
            {d}
          </span>
        ))}
      </div>
      {children}
    </li>
  );
}
