import { ACCOUNTS, expect, signIn, storageFor, test } from './fixtures';

// Security headers and cross-site refusal on the real server (the proxy's unit tests are in
// tests/security-proxy.test.ts; the fixture already fails any test on a CSP violation).

test.describe('as an admin', () => {
  test.use({ storageState: storageFor('admin') });

  for (const path of ['/dashboard', '/experiments', '/models', '/reports', '/admin', '/account']) {
    test(`${path} carries a nonce CSP, nosniff, no framing and no-store`, async ({ page }) => {
      const res = await page.goto(path);
      const h = res!.headers();
      expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
      expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(h['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(h['cache-control']).toContain('no-store');
      expect(h['x-request-id']).toBeTruthy();
      // Next's own scripts in the page carry this response's nonce, so they run under the CSP. Chunks those scripts
      // load later (an error boundary's, say) need none: 'strict-dynamic' trusts what a trusted script inserts, and
      // the fixture fails the test on any CSP violation.
      const nonce = /'nonce-([^']+)'/.exec(h['content-security-policy'])![1];
      const scripts = (await res!.text()).match(/<script\b[^>]*\bsrc=[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    });
  }

  test('a server action posted from another site is refused and changes nothing', async ({ page, request, baseURL }) => {
    await page.goto('/admin');
    // Who is signed in, and the organisation's settings: what the forged requests aimed at (the rest of /admin
    // changes while other workers' tests add mappings and imports).
    const state = async () => [await page.getByTestId('current-user').innerText(), await page.getByLabel('Organisation name', { exact: true }).inputValue()];
    const before = await state();
    for (const origin of ['https://evil.example', 'null']) {
      const res = await request.post('/admin', {
        headers: { origin, 'next-action': '0'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
        data: '[]',
      });
      expect(res.status()).toBe(403);
      expect(await res.json()).toEqual({ error: 'This request came from another site and was refused.' });
    }
    const forwarded = await request.post('/api/auth/sign-out', {
      headers: { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    });
    expect(forwarded.status()).toBe(403);
    // The same-origin form still works (the session survived the forged sign-out).
    await page.goto('/admin');
    expect(await state()).toEqual(before);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });
});

test('the login page has the headers too, and signing in works under the origin check', async ({ page }) => {
  const res = await page.goto('/login');
  expect(res!.headers()['content-security-policy']).toContain("object-src 'none'");
  await signIn(page, ACCOUNTS.executive);
  await expect(page).toHaveURL(/\/dashboard/);
});

test('a signed-out request to an API route or an export gets 401 or the sign-in page, never data', async ({ request }) => {
  const session = await request.get('/api/auth/get-session');
  expect(session.status()).toBeLessThan(500);
  expect(await session.text()).not.toContain('@uplift.demo');
  const page = await request.get('/reports', { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()['location']).toContain('/login');
});
