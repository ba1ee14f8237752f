'use client';

import { useEffect, useState } from 'react';

type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

/** Light / dark / follow the system; remembered in this browser. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    const saved = (localStorage.getItem('uplift-theme') as Theme | null) ?? 'system';
    setTheme(saved);
  }, []);
  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('dark', theme === 'dark');
    root.classList.toggle('light', theme === 'light');
  }, [theme]);
  return (
    <button
      type="button"
      className="rounded-md px-2 py-1 text-xs text-muted-foreground hover:bg-muted"
      onClick={() => {
        const next = NEXT[theme];
        localStorage.setItem('uplift-theme', next);
        setTheme(next);
      }}
      aria-label={`Colour theme: ${theme}. Change it.`}
    >
      Theme: {theme}
    </button>
  );
}
