import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { THEME, THEME_TOKENS } from '@/lib/export/pdf/theme';

// The PDF's colours are the app's: each equals its CSS variable in the light theme (app/globals.css :root).
describe('PDF colours', () => {
  it('match the CSS theme tokens', () => {
    const css = readFileSync('app/globals.css', 'utf8');
    const light = css.slice(css.indexOf(':root {'), css.indexOf('}', css.indexOf(':root {')));
    for (const [key, token] of Object.entries(THEME_TOKENS)) {
      const value = new RegExp(`${token}:\\s*(#[0-9a-fA-F]{6});`).exec(light)?.[1];
      expect([key, value?.toLowerCase()]).toEqual([key, THEME[key as keyof typeof THEME]]);
    }
  });
});
