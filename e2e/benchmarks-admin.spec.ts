import AxeBuilder from '@axe-core/playwright';
import { expect, storageFor, test } from './fixtures';

test.describe('benchmark metadata', () => {
  test.use({ storageState: storageFor('admin') });

  test('an admin corrects a benchmark on /admin/benchmarks: a wrong number is named beside its field, a good edit is saved and kept', async ({ page }) => {
    await page.goto('/admin/benchmarks');
    await expect(page.getByRole('heading', { name: 'Benchmarks', level: 1 })).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    const card = page.locator('details').filter({ has: page.getByText('Edit METR time horizon', { exact: false }) }).first();
    await card.locator('summary').click();
    const form = card.getByRole('form');
    await form.getByLabel(/^Random-guess baseline/).fill('lots');
    await form.getByRole('button', { name: /^Save / }).click();
    await expect(form.getByText('The random-guess baseline: enter a number.')).toBeVisible();
    await expect(form.getByLabel(/^Random-guess baseline/)).toHaveAttribute('aria-invalid', 'true');

    const note = `E2E baseline note ${Date.now()}`;
    await form.getByLabel(/^Random-guess baseline/).fill('');
    await form.getByLabel('Source of the human baselines').fill(note);
    await form.getByRole('button', { name: /^Save / }).click();
    await expect(form.getByRole('status')).toContainText('saved');

    await page.reload();
    const again = page.locator('details').filter({ has: page.getByText('Edit METR time horizon', { exact: false }) }).first();
    await again.locator('summary').click();
    await expect(again.getByLabel('Source of the human baselines')).toHaveValue(note);
  });
});
