'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';

/**
 * Inside a filter form that applies on a button: once a field changes, says so until the form is sent,
 * so a changed select that has not filtered anything yet is not mistaken for the result.
 */
/** `text` replaces the catalog's note (filters.pending) where a form's button says something else. */
export function PendingNote({ text }: { text?: string }) {
  const t = useTranslations('filters');
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
      {pending ? (text ?? t('pending')) : ''}
    </p>
  );
}
