'use client';

import { useState, type ReactNode } from 'react';
import { describedBy, Field, Input, Select, Textarea } from '@/components/ui/field';
import { CharCount } from '@/components/ui/char-count';
import { useServerText } from '@/i18n/use-server-text';

/** Field + control wired to the action state: its value, its error, its hint. One line per form field. */
type Common = { name: string; label: ReactNode; values: Record<string, string>; errors?: Record<string, string[] | undefined>; hint?: ReactNode; idPrefix?: string };

/** Ids (label, hint, error) are the name with the form's prefix: an edit dialog and the add form share field names. */
const idOf = (name: string, prefix?: string) => `${prefix ?? ''}${name}`;

/**
 * A limit is shown as a live counter, never enforced with the maxLength attribute: that attribute cuts a
 * pasted text silently, while the server refuses an over-long one with a message and keeps what was typed.
 */
function useLength(values: Record<string, string>, name: string) {
  const [length, setLength] = useState((values[name] ?? '').length);
  return [length, (e: { currentTarget: { value: string } }) => setLength(e.currentTarget.value.length)] as const;
}

/** The field's errors as the server wrote them, in the reader's language. */
function useFieldError(errors: Common['errors'], name: string) {
  const st = useServerText();
  return errors?.[name]?.map(st);
}

const ids = (name: string, error: string[] | undefined, hint: boolean, max?: number) =>
  [describedBy(name, error, hint), max ? `${name}-count` : undefined].filter(Boolean).join(' ') || undefined;

export function TextField({ name, label, values, errors, hint, maxLength, idPrefix, ...rest }: Common & { type?: string; required?: boolean; step?: string; min?: number; max?: number; maxLength?: number; inputMode?: 'decimal' | 'numeric' }) {
  const error = useFieldError(errors, name);
  const id = idOf(name, idPrefix);
  const [length, onInput] = useLength(values, name);
  return (
    <Field label={label} name={id} error={error} hint={hint}>
      <Input id={id} name={name} defaultValue={values[name] ?? ''} onInput={onInput} aria-invalid={error ? true : undefined} aria-describedby={ids(id, error, Boolean(hint), maxLength)} {...rest} />
      {maxLength ? <CharCount id={`${id}-count`} length={length} max={maxLength} /> : null}
    </Field>
  );
}

export function TextAreaField({ name, label, values, errors, hint, rows = 3, maxLength, idPrefix }: Common & { rows?: number; maxLength?: number }) {
  const error = useFieldError(errors, name);
  const id = idOf(name, idPrefix);
  const [length, onInput] = useLength(values, name);
  return (
    <Field label={label} name={id} error={error} hint={hint}>
      <Textarea id={id} name={name} rows={rows} defaultValue={values[name] ?? ''} onInput={onInput} aria-invalid={error ? true : undefined} aria-describedby={ids(id, error, Boolean(hint), maxLength)} />
      {maxLength ? <CharCount id={`${id}-count`} length={length} max={maxLength} /> : null}
    </Field>
  );
}

export function SelectField({ name, label, values, errors, hint, options, empty, idPrefix }: Common & { options: readonly (readonly [string, string])[]; empty?: string }) {
  const error = useFieldError(errors, name);
  const id = idOf(name, idPrefix);
  return (
    <Field label={label} name={id} error={error} hint={hint}>
      <Select id={id} name={name} defaultValue={values[name] ?? ''} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, Boolean(hint))}>
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
