'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * Inside a filter form that applies on a button: once a field changes, says so until the form is sent,
 * so a changed select that has not filtered anything yet is not mistaken for the result.
 */
export function PendingNote({ text = 'Changes not applied yet: press Apply filters.' }: { text?: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  const [pending, setPending] = useState(false);
  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return;
    const on = () => setPending(true);
    form.addEventListener('change', on);
    form.addEventListener('input', on);
    return () => {
      form.removeEventListener('change', on);
      form.removeEventListener('input', on);
    };
  }, []);
  return (
    <p ref={ref} role="status" data-testid="filters-pending" className="self-center text-sm font-medium text-warning">
      {pending ? text : ''}
    </p>
  );
}
