import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

export function Card({ className, ...props }: HTMLAttributes<HTMLElement>) {
  return <section className={cn('rounded-lg border border-border bg-card p-4 shadow-sm', className)} {...props} />;
}

export function CardHeader({ title, description, action }: { title: ReactNode; description?: ReactNode; action?: ReactNode }) {
  return (
    <div className="mb-3 flex flex-wrap items-start justify-between gap-x-4 gap-y-2 sm:flex-nowrap">
      <div>
        <h2 className="text-base font-semibold">{title}</h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {action}
    </div>
  );
}

/**
 * A card its heading names (a landmark a screen reader lists by that name): `name` gives the heading's id,
 * `<name>-title`.
 */
export function LabelledCard({ name, title, description, action, children, ...props }: Omit<HTMLAttributes<HTMLElement>, 'title'> & { name: string; title: ReactNode; description?: ReactNode; action?: ReactNode }) {
  return (
    <Card aria-labelledby={`${name}-title`} {...props}>
      <CardHeader title={<span id={`${name}-title`}>{title}</span>} description={description} action={action} />
      {children}
    </Card>
  );
}
