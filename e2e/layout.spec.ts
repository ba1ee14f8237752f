import { expect, storageFor, test } from './fixtures';

// What a new user saw in the first week: long URLs widening the page, a second <main> on
// the 403 and 404 pages, an unreadable danger button in dark mode, and a favicon 404 on every page.

/** WCAG relative luminance contrast of two CSS rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test.describe('as a team lead', () => {
  test.use({ storageState: storageFor('lead') });

  test('a 400-character URL in a description wraps: the detail page is no wider than the window', async ({ page }) => {
    const title = `Long link ${Date.now().toString(36)}`;
    await page.goto('/experiments/new');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Description').fill(`See https://example.com/${'a'.repeat(400)}`);
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);
    await expect(page.getByText('https://example.com/aaaa', { exact: false })).toBeVisible();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
    expect(widths.page).toBe(widths.window);
  });

  test('in dark mode the danger button meets WCAG AA (4.5:1)', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/experiments/new');
    await page.getByLabel('Title', { exact: true }).fill(`Dark ${Date.now().toString(36)}`);
    await page.getByRole('button', { name: 'Create experiment' }).click();
    const archive = page.getByRole('button', { name: 'Archive' });
    await expect(archive).toBeVisible();
    const colours = await archive.evaluate((el) => ({ fg: getComputedStyle(el).color, bg: getComputedStyle(el).backgroundColor }));
    expect(contrast(colours.fg, colours.bg)).toBeGreaterThanOrEqual(4.5);
  });

  test('a 404 inside the app has one <main>', async ({ page }) => {
    const res = await page.goto('/experiments/99999999');
    expect(res!.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
    await expect(page.locator('main')).toHaveCount(1);
  });

  test('a 403 inside the app has one <main>', async ({ page }) => {
    const res = await page.goto('/admin');
    expect(res!.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
    await expect(page.locator('main')).toHaveCount(1);
  });

  test('an unknown URL has one <main>', async ({ page }) => {
    const res = await page.goto('/no-such-page');
    expect(res!.status()).toBe(404);
    await expect(page.locator('main')).toHaveCount(1);
  });

  test('pages ask for no missing favicon', async ({ page }) => {
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    await page.goto('/dashboard');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
    expect(icon).toMatch(/^\/favicon\.ico/);
    expect(missing).toEqual([]);
  });
});

test('the favicon is served before sign-in', async ({ request }) => {
  const res = await request.get('/favicon.ico');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('image/');
});
