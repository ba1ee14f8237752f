/**
 * The colour theme a person chose: follow the system, or always light or dark. Kept in a cookie so the
 * server renders the right class on <html> and the page never flashes the other theme.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'uplift-theme';
/** A year: the choice outlives the session. */
export const THEME_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

/** The class on <html>: none follows the system (app/globals.css's prefers-color-scheme block). */
export function themeClass(theme: Theme): string | undefined {
  return theme === 'system' ? undefined : theme;
}
