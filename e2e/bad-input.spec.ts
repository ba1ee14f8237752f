import { expect, storageFor, test } from './fixtures';

// Hostile URLs and posts against the real server: ids beyond the integer range and NUL bytes are a 404,
// an ignored filter or cleaned text — never an error page (the vitest side is tests/bad-input.test.ts).

test.describe('as an admin', () => {
  test.use({ storageState: storageFor('admin') });

  for (const path of ['/experiments/99999999999', '/experiments/2147483648/edit', '/experiments/-1', '/models/a%00b', '/models/gpt%00/edit']) {
    test(`${path} is "not found"`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res!.status()).toBe(404);
      await expect(page.getByRole('heading', { name: 'This page does not exist' })).toBeVisible();
    });
  }

  for (const path of [
    '/experiments?team=99999999999',
    '/experiments?q=%00&model=%00&vendor=a%00b&from=%00',
    '/dashboard?team=99999999999&vendor=%00&model=%00',
    '/insights?scope=%00',
    '/models?q=%00&vendor=%00',
    '/trends?level=%00&from=%00',
    '/reports?team=99999999999&q=%00',
  ]) {
    test(`${path} shows the page, the bad values ignored or cleaned`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res!.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByText('Something went wrong')).toHaveCount(0);
    });
  }

  test('an over-large team in the list URL is ignored: the same experiments as without it', async ({ page }) => {
    // Other specs add experiments in parallel: compare two loads taken back to back, again if one raced.
    await expect(async () => {
      await page.goto('/experiments');
      const all = await page.getByTestId('result-count').textContent();
      await page.goto('/experiments?team=99999999999');
      expect(await page.getByTestId('result-count').textContent()).toBe(all);
    }).toPass();
  });

  test('exports and the report answer with a file', async ({ request }) => {
    for (const path of ['/api/export/experiments?format=csv&team=99999999999&q=%00', '/api/export/experiments?format=%00csv', '/api/reports/executive?team=99999999999&paper=%00']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
    }
  });

});

test.describe('as a team lead', () => {
  test.use({ storageState: storageFor('lead') });

  test('a NUL forged into the experiment form is removed, and the experiment is created', async ({ page }) => {
    const title = `Nul title ${Date.now().toString(36)}`;
    await page.goto('/experiments/new');
    await page.getByLabel('Title', { exact: true }).fill(title);
    // A person cannot type a NUL; a forged or pasted value can carry one.
    await page.getByLabel('Title', { exact: true }).evaluate((el, t) => ((el as HTMLInputElement).value = `${t.slice(0, 3)}\u0000${t.slice(3)}`), title);
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);
    await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
  });
});
