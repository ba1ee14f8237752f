import type { ButtonHTMLAttributes } from 'react';
import { cn } from './cn';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

export const buttonClasses = (variant: Variant = 'primary', size: 'sm' | 'md' = 'md') =>
  cn(
    'inline-flex items-center justify-center gap-2 rounded-md font-medium transition-colors disabled:opacity-50 disabled:pointer-events-none',
    size === 'sm' ? 'h-8 px-3 text-sm' : 'h-10 px-4 text-sm',
    variant === 'primary' && 'bg-primary text-primary-foreground hover:opacity-90',
    variant === 'secondary' && 'border border-border bg-card hover:bg-muted',
    variant === 'ghost' && 'hover:bg-muted',
    variant === 'danger' && 'bg-danger-solid text-white hover:opacity-90',
  );

export function Button({
  variant,
  size,
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: 'sm' | 'md' }) {
  return <button className={cn(buttonClasses(variant, size), className)} {...props} />;
}
