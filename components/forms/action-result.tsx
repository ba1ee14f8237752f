'use client';

import { useServerText } from '@/i18n/use-server-text';
import type { ActionState } from '@/lib/action-state';

/** What a form's action answered: its error as an alert, or its message as a status line, in the reader's language. */
export function ActionResult({ state }: { state: ActionState }) {
  const st = useServerText();
  if (state.error)
    return (
      <p role="alert" className="text-sm text-danger">
        {st(state.error)}
      </p>
    );
  if (state.message)
    return (
      <p role="status" className="text-sm text-success">
        {st(state.message)}
      </p>
    );
  return null;
}
