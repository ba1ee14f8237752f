import type { ReactNode } from 'react';
import { describedBy, Field, Input, Select, Textarea } from '@/components/ui/field';

/** Field + control wired to the action state: its value, its error, its hint. One line per form field. */
type Common = { name: string; label: ReactNode; values: Record<string, string>; errors?: Record<string, string[] | undefined>; hint?: ReactNode };

export function TextField({ name, label, values, errors, hint, ...rest }: Common & { type?: string; required?: boolean; step?: string; min?: number; max?: number; maxLength?: number; inputMode?: 'decimal' | 'numeric' }) {
  const error = errors?.[name];
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <Input id={name} name={name} defaultValue={values[name] ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, error, Boolean(hint))} {...rest} />
    </Field>
  );
}

export function TextAreaField({ name, label, values, errors, hint, rows = 3, maxLength }: Common & { rows?: number; maxLength?: number }) {
  const error = errors?.[name];
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <Textarea id={name} name={name} rows={rows} maxLength={maxLength} defaultValue={values[name] ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, error, Boolean(hint))} />
    </Field>
  );
}

export function SelectField({ name, label, values, errors, hint, options, empty }: Common & { options: readonly (readonly [string, string])[]; empty?: string }) {
  const error = errors?.[name];
  return (
    <Field label={label} name={name} error={error} hint={hint}>
      <Select id={name} name={name} defaultValue={values[name] ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(name, error, Boolean(hint))}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </Select>
    </Field>
  );
}
