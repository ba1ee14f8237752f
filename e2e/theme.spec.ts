import { expect, storageFor, test } from './fixtures';
import { THEME_COOKIE } from '../lib/theme';

// Dark mode follows the system until someone picks a theme; the pick is a cookie, so the server renders it.

test.use({ storageState: storageFor('executive') });

const DARK_BG = 'rgb(11, 17, 32)';
const LIGHT_BG = 'rgb(248, 250, 252)';
const background = (page: import('@playwright/test').Page) => page.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);

test('the theme follows the system, and a choice is remembered and rendered by the server', async ({ page, context }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/dashboard');
  await expect(page.locator('html')).not.toHaveClass(/light|dark/);
  expect(await background(page)).toBe(DARK_BG);

  const select = page.getByLabel('Colour theme');
  await expect(select).toHaveValue('system');
  await select.selectOption('light');
  await expect(page.locator('html')).toHaveClass('light');
  expect(await background(page)).toBe(LIGHT_BG);
  expect((await context.cookies()).find((c) => c.name === THEME_COOKIE)?.value).toBe('light');

  // The server's HTML already carries the choice: no dark flash before the page's scripts run.
  const html = await (await page.request.get('/experiments')).text();
  expect(html).toMatch(/<html[^>]*class="light"/);
  await page.goto('/experiments');
  await expect(select).toHaveValue('light');
  expect(await background(page)).toBe(LIGHT_BG);

  await select.selectOption('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(page.locator('html')).toHaveClass('dark');
  expect(await background(page)).toBe(DARK_BG);

  await select.selectOption('system');
  await expect(page.locator('html')).not.toHaveClass(/light|dark/);
  expect(await background(page)).toBe(LIGHT_BG);
});

test('the theme menu is reached and changed with the keyboard', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/dashboard');
  const select = page.getByLabel('Colour theme');
  for (let i = 0; i < 30 && !(await select.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(select).toBeFocused();
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveClass('dark');
});
