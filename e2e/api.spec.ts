// The read API for a person and for a program: /api/docs renders the OpenAPI document from bundled code
// under the page's CSP (the fixtures fail a test on any CSP report), and a token made on /account works
// as curl would send it.
import { baseURL } from '../playwright.config';
import { expect, storageFor, test } from './fixtures';

test.describe('API docs', () => {
  test('/api/docs lists every path of the OpenAPI document, loading nothing from elsewhere', async ({ page, request }) => {
    const elsewhere: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseURL) && !r.url().startsWith('data:')) elsewhere.push(r.url());
    });
    const doc = (await (await request.get('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(['/experiments', '/experiments/{id}', '/dashboard', '/models', '/insights', '/usage']);
    const res = await page.goto('/api/docs');
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self' 'nonce-");
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Uplift read API');
    for (const path of paths) {
      await expect(page.getByRole('heading', { level: 2, name: `GET /api/v1${path}`, exact: true })).toBeVisible();
    }
    await page.locator('#schema-experimentlist summary').click();
    await expect(page.locator('#schema-experimentlist pre')).toContainText('"nextCursor"');
    expect(elsewhere).toEqual([]);
    await page.screenshot({ path: 'test-results/api-docs-desktop.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/api-docs-phone.png' });
  });
});

test.describe('API tokens', () => {
  test.use({ storageState: storageFor('lead') });

  test('a token created on /account reads /api/v1 with a Bearer header, as curl would', async ({ page, playwright }) => {
    await page.goto('/account');
    const form = page.getByRole('form', { name: 'Create an API token' });
    await form.getByLabel('Token name').fill(`e2e ${Date.now()}`);
    await form.getByRole('button', { name: 'Create token' }).click();
    const token = await form.getByLabel('New API token').inputValue();
    expect(token.length).toBeGreaterThan(20);

    // A fresh client without the browser's cookies: only the token.
    const curl = await playwright.request.newContext({ baseURL });
    const ok = await curl.get('/api/v1/experiments?limit=2', { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status()).toBe(200);
    const body = (await ok.json()) as { data: unknown[]; total: number };
    expect(body.data.length).toBe(2);
    expect(body.total).toBeGreaterThan(2);
    const without = await curl.get('/api/v1/experiments');
    expect(without.status()).toBe(401);
    expect(await without.json()).toEqual({ error: 'Send an API token: Authorization: Bearer <token>.' });
    const forged = await curl.get('/api/v1/experiments', { headers: { Authorization: `Bearer ${token}x` } });
    expect(forged.status()).toBe(401);
    await curl.dispose();
  });
});
