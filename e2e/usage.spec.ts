import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { signUsageImport, USAGE_SIGNATURE_HEADER } from '../lib/usage/command-auth';
import { E2E_SECRET, expect, storageFor, test } from './fixtures';

const HEADER = 'date,team,vendor,model,requests,input_tokens,output_tokens,cost,currency,active_users';
const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../tests/fixtures/usage', name));
/** The secret scripts/e2e-server.ts gives the server, so the spec can sign as `npm run usage` does. */

test.describe('usage data', () => {
  test.use({ storageState: storageFor('admin') });

  test('an admin uploads a CSV and an API page on /admin/usage, sees the imports, and maps a team', async ({ page }) => {
    const team = `e2e-usage-${Date.now()}`;
    await page.goto('/admin');
    await page.getByRole('link', { name: 'Usage data' }).click();
    await expect(page.getByRole('heading', { name: 'Usage data', level: 1 })).toBeVisible();

    const template = await page.request.get('/api/admin/usage/template');
    expect(template.status()).toBe(200);
    expect((await template.text()).split('\n')[0]).toBe(HEADER);

    const form = page.getByRole('form', { name: 'Import usage' });
    // A bad row: one sentence, nothing imported.
    await form.getByLabel('Source').selectOption('csv');
    await form.getByLabel('File').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\n2026-11-02,${team},Acme,acme-1,many,1,1,1,USD,\n`) });
    await form.getByRole('button', { name: 'Import' }).click();
    await expect(form.getByRole('alert')).toHaveText('Row 2: requests must be a whole number of 0 or more (it is "many"). Nothing was imported.');

    const csv = `${HEADER}\n2026-11-02,${team},Acme,acme-1,12,1000,200,0.000123,USD,4\n2026-11-03,${team},Acme,acme-1,8,700,100,1.5,USD,3\n`;
    await form.getByLabel('File').setInputFiles({ name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: 'Import' }).click();
    await expect(form.getByRole('status')).toHaveText(/^Imported 2 rows from 2026-11-02 to 2026-11-03 \(1 external team not mapped yet; 1 model id not in the catalog\)\.$/);

    await form.getByLabel('Source').selectOption('openai');
    await form.getByLabel('File').setInputFiles({ name: 'openai-usage-completions.json', mimeType: 'application/json', buffer: fixture('openai-usage-completions.json') });
    await form.getByRole('button', { name: 'Import' }).click();
    await expect(form.getByRole('status')).toHaveText(/^Imported 3 rows from 2025-12-01 to 2025-12-02/);

    const imports = page.getByRole('table', { name: 'Recent imports' });
    await expect(imports.getByRole('row').nth(1)).toContainText('openai');
    await expect(imports.getByRole('row').nth(1)).toContainText('openai-usage-completions.json');
    await expect(imports.getByRole('row').nth(2)).toContainText('usage.csv');
    await expect(imports.getByRole('row').nth(2)).toContainText('2026-11-02 – 2026-11-03');

    const mapping = page.getByRole('table', { name: 'Team mapping' });
    const row = mapping.getByRole('row').filter({ hasText: team });
    await expect(row).toContainText('Unmapped');
    await expect(mapping.getByRole('row').filter({ hasText: 'proj_platform' })).toHaveCount(1);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: 'test-results/admin-usage.png', fullPage: true });

    const select = row.getByLabel(`Uplift team for ${team}`);
    const teamName = (await select.locator('option').nth(1).textContent())!.trim();
    await select.selectOption({ label: teamName });
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByRole('status')).toHaveText(`"${team}" now counts for ${teamName} (2 usage rows moved).`);
    await page.reload();
    await expect(page.getByRole('table', { name: 'Team mapping' }).getByRole('row').filter({ hasText: team }).getByLabel(`Uplift team for ${team}`)).toHaveValue(/\d+/);

    // Retention: below 30 days is refused, a valid number saved.
    const retention = page.getByRole('form', { name: 'Usage retention' });
    await retention.getByLabel('Keep usage for (days)').fill('7');
    await retention.getByRole('button', { name: 'Save retention' }).click();
    await expect(retention.getByRole('alert')).toHaveText('Keep at least 30 days (or leave it empty to keep usage forever).');
    await retention.getByLabel('Keep usage for (days)').fill('');
    await retention.getByRole('button', { name: 'Save retention' }).click();
    await expect(retention.getByRole('status')).toHaveText('Usage is kept forever.');
  });

  test('`npm run usage` hands a file to the server, signed with the app secret; unsigned, it is refused', async ({ page }) => {
    const body = fixture('anthropic-usage-report.json');
    const sha = crypto.createHash('sha256').update(body).digest('hex');
    const url = '/api/usage/import?source=anthropic&name=anthropic-usage-report.json';
    const unsigned = await page.request.post(url, { data: body, headers: { 'content-type': 'application/octet-stream' } });
    expect(unsigned.status()).toBe(401);
    const res = await page.request.post(url, {
      data: body,
      headers: { 'content-type': 'application/octet-stream', [USAGE_SIGNATURE_HEADER]: signUsageImport(E2E_SECRET, 'anthropic', 'anthropic-usage-report.json', sha) },
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, rows: 2, firstDay: '2025-08-01', lastDay: '2025-08-01' });
    await page.goto('/admin/usage');
    await expect(page.getByRole('table', { name: 'Recent imports' }).getByRole('row').nth(1)).toContainText('command');
  });
});

test.describe('usage data for a lead', () => {
  test.use({ storageState: storageFor('lead') });

  test('is not theirs to import', async ({ page }) => {
    const res = await page.request.post('/api/admin/usage/import?source=csv&name=x.csv', { data: `${HEADER}\n2026-11-02,x,Acme,a,1,1,1,1,USD,\n`, headers: { 'content-type': 'application/octet-stream' } });
    expect(res.status()).toBe(403);
    const pageRes = await page.goto('/admin/usage');
    expect(pageRes?.status()).toBe(403);
  });
});
