/**
 * The app's light-theme colours (CSS variables in app/globals.css :root) that the PDF report uses, so
 * the printed ledgers look like the dashboard's. tests/pdf-theme.test.ts fails when they drift apart.
 */
export const THEME = {
  foreground: '#0f172a',
  mutedForeground: '#475569',
  border: '#e2e8f0',
  /** --chart-capability: the capability ledger, as on the dashboard. */
  capability: '#7c3aed',
  /** --chart-efficiency: the efficiency ledger. */
  efficiency: '#0e7490',
} as const;

/** The CSS variable each THEME colour comes from. */
export const THEME_TOKENS: Record<keyof typeof THEME, string> = {
  foreground: '--foreground',
  mutedForeground: '--muted-foreground',
  border: '--border',
  capability: '--chart-capability',
  efficiency: '--chart-efficiency',
};
