'use client';

import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { cn } from './cn';

/**
 * A button that opens a short list of actions (WAI-ARIA menu button): Enter/Space/ArrowDown open it
 * on the first item, arrows move, Escape or Tab closes it and Escape returns focus to the button.
 * Items are <MenuItem>s; an item that submits a form elsewhere passes `form` and `type="submit"`.
 */
export function Menu({
  label,
  buttonText,
  children,
  className,
  buttonRef,
}: {
  label: string;
  buttonText: ReactNode;
  children: ReactNode;
  className?: string;
  /** For a dialog opened from the menu, to give focus back to the button when it closes. */
  buttonRef?: RefObject<HTMLButtonElement | null>;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const ownButton = useRef<HTMLButtonElement>(null);
  const button = buttonRef ?? ownButton;
  const list = useRef<HTMLDivElement>(null);
  const items = () => Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([disabled])') ?? []);

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    // An outside click closes the menu, as a native one does.
    const onDown = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const move = (by: number) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLElement);
    all[(at + by + all.length) % all.length]?.focus();
  };

  return (
    <div className={cn('relative inline-block', className)}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={id}
        aria-label={label}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="inline-flex h-8 min-w-8 items-center justify-center rounded-md border border-border bg-card px-2 text-sm hover:bg-muted"
      >
        {buttonText}
      </button>
      {/* Hidden, not unmounted, when closed: an item that submits a form must stay in the document. */}
      <div
          ref={list}
          id={id}
          hidden={!open}
          role="menu"
          aria-label={label}
          className="absolute right-0 z-20 mt-1 min-w-48 rounded-md border border-border bg-card p-1 shadow-lg"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setOpen(false);
              button.current?.focus();
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              move(1);
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              move(-1);
            } else if (e.key === 'Home') {
              e.preventDefault();
              items()[0]?.focus();
            } else if (e.key === 'End') {
              e.preventDefault();
              items().at(-1)?.focus();
            } else if (e.key === 'Tab') setOpen(false);
          }}
          // Choosing an item closes the menu; the item's own click (submit, open a dialog) still runs.
          onClick={(e) => {
            if (!(e.target as HTMLElement).closest('[role="menuitem"]')) return;
            setOpen(false);
            button.current?.focus();
          }}
        >
          {children}
        </div>
    </div>
  );
}

export function MenuItem({ className, tone, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: 'danger' }) {
  return (
    <button
      type="button"
      role="menuitem"
      tabIndex={-1}
      className={cn(
        'block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-muted focus:bg-muted focus:outline-none',
        tone === 'danger' && 'text-danger',
        className,
      )}
      {...props}
    />
  );
}
