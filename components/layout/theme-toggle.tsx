'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { THEMES, THEME_COOKIE, THEME_COOKIE_MAX_AGE, themeClass, type Theme } from '@/lib/theme';

/**
 * Follow the system, or always light or dark: a native select (keyboard and screen readers for free).
 * The cookie lets the server render the choice; the class switches this page at once.
 */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const t = useTranslations('nav.theme');
  const [theme, setTheme] = useState<Theme>(initial);
  return (
    <label className="flex items-center text-xs text-muted-foreground">
      <span className="sr-only">{t('label')}</span>
      <select
        value={theme}
        data-testid="theme-select"
        className="rounded-md border border-border bg-card px-1.5 py-1 text-xs text-foreground"
        onChange={(e) => {
          const next = e.target.value as Theme;
          document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${THEME_COOKIE_MAX_AGE}; samesite=lax`;
          const root = document.documentElement;
          root.classList.remove('light', 'dark');
          const cls = themeClass(next);
          if (cls) root.classList.add(cls);
          setTheme(next);
        }}
      >
        {THEMES.map((each) => (
          <option key={each} value={each}>
            {t(each)}
          </option>
        ))}
      </select>
    </label>
  );
}
