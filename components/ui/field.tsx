import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { cn } from './cn';
import { ServerText } from './server-text';

export const inputClasses =
  'block w-full rounded-md border border-border bg-card px-3 py-2 text-sm placeholder:text-muted-foreground aria-[invalid=true]:border-danger';

type FieldProps = { label: ReactNode; name: string; error?: string[] | string; hint?: ReactNode; children?: ReactNode };

/** A label, its control, an optional hint and the field's error, wired with aria-describedby. */
export function Field({ label, name, error, hint, children }: FieldProps) {
  const errors = typeof error === 'string' ? [error] : (error ?? []);
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <p id={`${name}-error`} className="text-sm text-danger" role="alert">
          <ServerText text={errors.join(' ')} />
        </p>
      ) : null}
    </div>
  );
}

export function describedBy(name: string, error?: string[] | string, hint?: boolean) {
  const ids = [hint ? `${name}-hint` : null, error && error.length ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(inputClasses, className)} {...props} />;
}

type InputFieldProps = Omit<FieldProps, 'children'> & { id?: string } & InputHTMLAttributes<HTMLInputElement>;

/**
 * An Input in its Field, marked invalid and described by its error (and hint) — the wiring every form
 * repeated. `id` (default: the field's `name`) ties the label, the hint and the error to the input.
 */
export function InputField({ label, name, id = name, error, hint, ...input }: InputFieldProps) {
  return (
    <Field label={label} name={id} error={error} hint={hint}>
      <Input id={id} name={name} aria-invalid={Boolean(error)} aria-describedby={describedBy(id, error, Boolean(hint))} {...input} />
    </Field>
  );
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={cn(inputClasses, 'min-h-20', className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(inputClasses, className)} {...props} />;
}
