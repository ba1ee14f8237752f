'use client';

import { useEffect, useRef, type RefObject } from 'react';
import { useTranslations } from 'next-intl';

/**
 * Asks before a half-filled form is left: closing or reloading the tab (the browser's own prompt) and
 * following a link inside the app (a confirm). Typing makes the form dirty. A refused submit keeps it
 * dirty (nothing was saved); a saved form navigates away by the server's redirect, which is not asked.
 * Listeners sit on the document, so the form may remount (it does after each answer) without losing them.
 */
export function useUnsavedGuard(form: RefObject<HTMLFormElement | null>) {
  const dirty = useRef(false);
  const leaveMessage = useTranslations('filters')('leaveForm');

  useEffect(() => {
    const markDirty = (e: Event) => {
      if (form.current && e.target instanceof Node && form.current.contains(e.target)) dirty.current = true;
    };
    document.addEventListener('input', markDirty, true);

    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    // Capture phase: runs before Next's <Link> handler, so a "stay" cancels the client-side navigation.
    const onClick = (e: MouseEvent) => {
      if (!dirty.current || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || link.target === '_blank' || link.hasAttribute('download')) return;
      const to = new URL(link.href, location.href);
      if (to.pathname === location.pathname && to.search === location.search) return;
      if (window.confirm(leaveMessage)) dirty.current = false;
      else {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      document.removeEventListener('input', markDirty, true);
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [form, leaveMessage]);
}
