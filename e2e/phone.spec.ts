import { expect, storageFor, test } from './fixtures';
import { ADMIN_PAGES, SIGNED_OUT, firstExperiment } from './pages';

// Every page at a phone's size (390×844) scrolls only up and down: wide tables scroll inside their card.

test.use({ viewport: { width: 390, height: 844 }, storageState: storageFor('admin') });

async function pageWidth(page: import('@playwright/test').Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth);
}

for (const path of ADMIN_PAGES) {
  test(`${path} is no wider than a 390 px phone`, async ({ page }) => {
    const url = path.startsWith(':experiment') ? path.replace(':experiment', await firstExperiment(page)) : path;
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
  });
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  for (const path of SIGNED_OUT) {
    test(`${path} is no wider than a 390 px phone`, async ({ page }) => {
      await page.goto(path);
      expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    });
  }
});

test.describe('filters on a phone', () => {
  test('the experiment filters fold behind "Filters"', async ({ page }) => {
    await page.goto('/experiments');
    const team = page.getByRole('form', { name: 'Filter experiments' }).locator('select[name="team"]');
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
    await expect(team).toBeHidden();
    await page.getByText('Filters', { exact: true }).click();
    await expect(team).toBeVisible();
  });
});

test.describe('on a 1366 px screen', () => {
  test.use({ viewport: { width: 1366, height: 900 } });

  test("the admin's navigation is one line and the filters show without a click", async ({ page }) => {
    await page.goto('/experiments');
    const tops = await page.getByRole('navigation', { name: 'Main' }).getByRole('link').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().top));
    expect(tops.length).toBe(8);
    expect(new Set(tops).size).toBe(1);
    await expect(page.getByText('Filters', { exact: true })).toBeHidden();
    await expect(page.getByRole('form', { name: 'Filter experiments' }).locator('select[name="team"]')).toBeVisible();
  });
});
