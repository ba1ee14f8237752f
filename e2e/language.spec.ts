import { expect, signIn, test } from './fixtures';
import { BROWSER_LOCALE } from '../components/layout/language-choice';

// The language is the person's own choice (user.locale), with the browser's as the default.
//
// The choice is kept per person in the database, so a spec signed in as `lead` (e2e/.auth/lead.json, shared by
// a dozen specs running in parallel) would turn their pages Korean while it runs. This spec signs in instead as
// a lead no other spec uses (the demo seed's lead of Legal & Compliance), in a context of its own.
const LANGUAGE_LEAD = 'legal.lead@uplift.demo';

test.use({ storageState: { cookies: [], origins: [] } });

/** Back to the browser's language, through the menu whatever language the page is in (the select's test id). */
async function followBrowser(page: import('@playwright/test').Page) {
  const select = page.getByTestId('language-select');
  if ((await select.inputValue()) === BROWSER_LOCALE) return;
  await select.selectOption(BROWSER_LOCALE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test('a lead picks 한국어: the app speaks Korean, after a reload too, and English again when asked', async ({ page }) => {
  await signIn(page, LANGUAGE_LEAD);
  await expect(page.getByTestId('current-user')).toBeVisible();
  // A run that failed before it could restore English leaves this person in Korean: start from the browser's.
  await followBrowser(page);
  try {
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const header = page.locator('header');
    await expect(header.getByRole('link', { name: 'Dashboard', exact: true })).toBeVisible();

    const menu = page.getByLabel('Language');
    await expect(menu).toHaveValue(BROWSER_LOCALE);
    await menu.selectOption({ label: '한국어' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(header.getByRole('link', { name: '대시보드', exact: true })).toBeVisible();
    await expect(header.getByRole('link', { name: 'Dashboard', exact: true })).toHaveCount(0);

    // Stored for the person, not only this page: a reload (and any other device) renders Korean.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(header.getByRole('link', { name: '대시보드', exact: true })).toBeVisible();
    await expect(page.getByLabel('언어')).toHaveValue('ko');

    await page.getByLabel('언어').selectOption({ label: 'English' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(header.getByRole('link', { name: 'Dashboard', exact: true })).toBeVisible();
  } finally {
    // Even when an assertion failed: this person follows the browser again for the next run.
    await followBrowser(page);
  }
});

test('signed out, the sign-in page has its own small language menu (this browser only)', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // Reached with the keyboard, like the theme menu.
  const menu = page.getByLabel('Language');
  for (let i = 0; i < 15 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(menu).toBeFocused();
  await menu.selectOption({ label: '한국어' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('heading', { name: '로그인' })).toBeVisible();
  await page.getByLabel('언어').selectOption(BROWSER_LOCALE);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
