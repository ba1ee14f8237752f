import AxeBuilder from '@axe-core/playwright';
import { expect, storageFor, test } from './fixtures';

/** A models.dev file with one new first-party model, so this spec changes nothing other specs read. */
function modelsDevFile(id: string, name: string) {
  return JSON.stringify({
    openai: { id: 'openai', name: 'OpenAI', models: { [id]: { id, name, release_date: '2026-11-02', reasoning: true, limit: { context: 400000 }, cost: { input: 1.1, output: 4.4, cache_read: 0.11, context_over_200k: { input: 2.2, output: 8.8 } } } } },
  });
}

test.describe('catalog sync', () => {
  test.use({ storageState: storageFor('admin') });

  test('an admin uploads a models.dev file on /admin, reviews the diff, applies it and sees the new model', async ({ page }) => {
    const id = `e2e-sync-probe-${Date.now()}`;
    const name = `Sync Probe ${id.slice(-6)}`;
    await page.goto('/admin');
    const form = page.getByRole('form', { name: 'Read a catalog file' });

    // A file cut short: one sentence, nothing changes.
    await form.getByLabel('Source').selectOption('models.dev');
    await form.getByLabel('File').setInputFiles({ name: 'api.json', mimeType: 'application/json', buffer: Buffer.from(modelsDevFile(id, name).slice(0, 80)) });
    await form.getByRole('button', { name: 'Show the changes' }).click();
    await expect(form.getByRole('alert')).toContainText('api.json is not valid JSON');
    await expect(form.getByRole('alert')).toContainText('Nothing was changed.');

    await form.getByLabel('File').setInputFiles({ name: 'api.json', mimeType: 'application/json', buffer: Buffer.from(modelsDevFile(id, name)) });
    await form.getByRole('button', { name: 'Show the changes' }).click();
    await expect(page).toHaveURL(/\/admin\/catalog\/\d+$/);
    const newModels = page.getByRole('table', { name: 'New models' });
    await expect(newModels.getByRole('row')).toHaveCount(2);
    await expect(newModels).toContainText(`${name} (${id})`);
    await expect(newModels).toContainText('2026-11-02');
    await expect(newModels).toContainText('$1.1 / $4.4');
    const prices = page.getByRole('table', { name: 'Price changes' });
    await expect(prices.getByRole('row', { name: new RegExp(id) })).toContainText('none');
    // Its cache and long-context prices, dated from its release like its list price.
    const tiers = page.getByRole('table', { name: 'Price tier changes' });
    await expect(tiers.getByRole('row', { name: new RegExp(`${id} Cache read`) })).toContainText('$0.11');
    await expect(tiers.getByRole('row', { name: new RegExp(`${id} Prompts over 200,000 tokens`) })).toContainText('$2.2 / $8.8');
    await expect(tiers.getByRole('row', { name: new RegExp(`${id} Prompts over 200,000 tokens`) })).toContainText('2026-11-02');

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // Not applied yet: the model does not exist.
    const before = await page.request.get(`/models/${id}`);
    expect(before.status()).toBe(404);

    await page.getByRole('button', { name: /^Apply/ }).click();
    // The page shows the sync as applied, without the form.
    await expect(page.getByRole('status').filter({ hasText: 'applied by' })).toContainText('applied by admin@uplift.demo on ');
    await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);

    await page.goto(`/models/${id}`);
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(page.getByText('models.dev (catalog sync)').first()).toBeVisible();

    // The sync is listed as applied on /admin.
    await page.goto('/admin');
    await expect(page.getByRole('table', { name: 'Recent catalog syncs' }).getByRole('row').nth(1)).toContainText('applied');
  });
});

test.describe('model aliases', () => {
  test.use({ storageState: storageFor('admin') });

  test('an admin maps an outside id to a model, finds it, and removes the mapping', async ({ page }) => {
    const id = `e2e-probe-${Date.now()}`;
    await page.goto('/admin');
    await page.getByRole('link', { name: 'model aliases' }).click();
    await expect(page).toHaveURL(/\/admin\/aliases$/);
    const form = page.getByRole('form', { name: 'Map an id' });

    // An Epoch id needs its effort: one sentence, nothing saved.
    await form.getByLabel('Outside id').fill(id);
    await form.getByLabel('Catalog model').selectOption({ label: 'o3 (o3)' });
    await form.getByRole('button', { name: 'Map' }).click();
    await expect(form.getByRole('alert')).toContainText('An Epoch id needs its effort');

    // React resets a form after its action: fill it again, with the effort.
    await form.getByLabel('Outside id').fill(id);
    await form.getByLabel('Catalog model').selectOption({ label: 'o3 (o3)' });
    await form.getByLabel('Effort').fill('high');
    await form.getByRole('button', { name: 'Map' }).click();
    await expect(form.getByRole('status')).toHaveText(`epoch id "${id}" now maps to o3.`);

    await page.goto(`/admin/aliases?q=${id}`);
    const table = page.getByRole('table', { name: 'Aliases' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText(`epoch${id}o3high`);
    page.once('dialog', (d) => d.accept());
    await table.getByRole('button', { name: 'Remove' }).click();
    // The row goes (with its form); after a reload it is still gone.
    await expect(table.getByRole('row')).toHaveCount(1);
    await page.reload();
    await expect(page.getByRole('table', { name: 'Aliases' }).getByRole('row')).toHaveCount(1);
  });
});
