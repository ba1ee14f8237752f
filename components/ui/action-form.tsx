'use client';

import { useActionState, type ReactNode } from 'react';
import { useServerText } from '@/i18n/use-server-text';
import { initialState, type ActionState } from '@/lib/action-state';
import { Button } from './button';
import { cn } from './cn';

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode;
  className?: string;
  /** Asked before submitting, for destructive actions. */
  confirm?: string;
  label?: string;
  /** Lets a button elsewhere (a menu item, a dialog) submit this form with `form={id}`. */
  id?: string;
};

/** A small form around a server action that shows the action's message or error beside it. */
export function ActionForm({ action, children, className, confirm, label, id }: Props) {
  const [state, formAction, pending] = useActionState(action, initialState);
  // The action answers in English; the reader reads it in the page's language.
  const st = useServerText();
  return (
    <form
      id={id}
      action={formAction}
      aria-label={label}
      aria-busy={pending}
      className={cn('flex flex-wrap items-center gap-2', className)}
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {children}
      {state.error ? (
        <span role="alert" className="text-sm text-danger">
          {st(state.error)}
        </span>
      ) : null}
      {state.message ? (
        <span role="status" className="break-all text-sm text-success">
          {st(state.message)}
        </span>
      ) : null}
    </form>
  );
}

/** A one-button form for a row of a list: the action, the hidden fields that name the row, a small button. */
export function ActionButton({
  fields,
  variant = 'secondary',
  buttonLabel,
  children,
  ...form
}: Omit<Props, 'children' | 'id'> & { fields: Record<string, string | number>; variant?: 'secondary' | 'ghost'; buttonLabel?: string; children: ReactNode }) {
  return (
    <ActionForm {...form}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" size="sm" variant={variant} aria-label={buttonLabel}>
        {children}
      </Button>
    </ActionForm>
  );
}
