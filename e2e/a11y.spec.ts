import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACCOUNTS, expect, storageFor, test, type Role } from './fixtures';
import { SIGNED_OUT, pagesFor } from './pages';
import { LOCALE_COOKIE, LOCALES, type Locale } from '../i18n/locales';
import { THEME_COOKIE } from '../lib/theme';

// axe on every page, for every role, in both languages and both themes: 0 serious or critical violations. PGlite only
// (playwright.config.ts runs this file in its own project, which the PostgreSQL run leaves out).
// One page load per page: the light theme is served from the cookie and checked in full, then the page
// switches to dark as the theme menu does (the class on <html>) and only the colour contrast, the one
// rule a theme can change, is checked again. One test, one browser context, one sign-in per role.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The roles are independent: spread them over the workers rather than one after another.
test.describe.configure({ mode: 'parallel' });

/** Serious and critical violations on the open page, one line each. */
async function seriousViolations(page: Page, label: string, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (rules ? builder.withRules(rules) : builder.withTags(TAGS)).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Light in full, then dark's colours. */
async function checkBothThemes(page: Page, path: string): Promise<string[]> {
  await expect(page.locator('html')).toHaveClass('light');
  const found = await seriousViolations(page, `light ${path}`);
  // Colours that fade (transition-colors) would be measured mid-fade, half light and half dark: the final ones count.
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; }' });
  await page.evaluate(() => document.documentElement.classList.replace('light', 'dark'));
  found.push(...(await seriousViolations(page, `dark ${path}`, ['color-contrast'])));
  return found;
}

/** The theme, and the language by its cookie (the demo accounts have no language of their own, so the cookie decides). */
async function prepare(page: Page, baseURL: string, language: Locale) {
  await page.context().addCookies([
    { name: THEME_COOKIE, value: 'light', url: baseURL },
    { name: LOCALE_COOKIE, value: language, url: baseURL },
  ]);
}

for (const language of LOCALES) {
  for (const role of Object.keys(ACCOUNTS) as Role[]) {
    test.describe(`as ${role}, in ${language}`, () => {
      test.use({ storageState: storageFor(role) });

      test('every page has no serious or critical axe violation, light and dark', async ({ page, baseURL }) => {
        test.setTimeout(600_000);
        await prepare(page, baseURL!, language);
        const found: string[] = [];
        for (const path of await pagesFor(role, page)) {
          const res = await page.goto(path);
          expect(res?.status(), path).toBe(200);
          await expect(page.locator('html')).toHaveAttribute('lang', language);
          found.push(...(await checkBothThemes(page, path)));
        }
        expect(found, found.join('\n')).toEqual([]);
      });
    });
  }

  test(`the signed-out pages have no serious or critical axe violation, light and dark, in ${language}`, async ({ page, baseURL }) => {
    await prepare(page, baseURL!, language);
    const found: string[] = [];
    for (const path of SIGNED_OUT) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      found.push(...(await checkBothThemes(page, path)));
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
