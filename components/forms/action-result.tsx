import type { ActionState } from '@/lib/action-state';

/** What a form's action answered: its error as an alert, or its message as a status line. */
export function ActionResult({ state }: { state: ActionState }) {
  if (state.error)
    return (
      <p role="alert" className="text-sm text-danger">
        {state.error}
      </p>
    );
  if (state.message)
    return (
      <p role="status" className="text-sm text-success">
        {state.message}
      </p>
    );
  return null;
}
