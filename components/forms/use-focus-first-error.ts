'use client';

import { useEffect, type RefObject } from 'react';
import type { ActionState } from '@/lib/action-state';

/**
 * After a refused submit, move focus (and the scroll) to the first field in error, or to the form's
 * message when no field is named: the reader lands where the problem is, not 1,800 px below it.
 */
export function useFocusFirstError(form: RefObject<HTMLFormElement | null>, state: ActionState) {
  useEffect(() => {
    const el = form.current;
    if (!el || (!state.fieldErrors && !state.error)) return;
    const target = el.querySelector<HTMLElement>('[aria-invalid="true"]') ?? el.querySelector<HTMLElement>('[role="alert"]');
    if (!target) return;
    if (!target.matches('input, select, textarea, button')) target.tabIndex = -1;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }, [form, state]);
}
