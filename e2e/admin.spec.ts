import { expect, signIn, storageFor, test } from './fixtures';

test.describe('admin manages users', () => {
  test.use({ storageState: storageFor('admin') });

  test('creates a user, who sets a password through the one-time link and signs in; deactivation ends their session', async ({ page, browser }) => {
    const email = `new.${Date.now()}@uplift.demo`;
    await page.goto('/admin');
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Name').fill('Nora New');
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Role', { exact: true }).selectOption('executive');
    await form.getByRole('button', { name: 'Add user' }).click();
    const result = page.getByTestId('create-user-result');
    await expect(result).toContainText('one-time link');
    const link = (await result.textContent())!.match(/https?:\/\/\S+/)![0];

    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const newUser = await other.newPage();
    await newUser.goto(new URL(link).pathname + new URL(link).search);
    await newUser.getByLabel('New password', { exact: true }).fill('a long passphrase for nora');
    await newUser.getByLabel('Repeat the new password').fill('a long passphrase for nora');
    await newUser.getByRole('button', { name: 'Set password' }).click();
    await expect(newUser.getByRole('status')).toContainText('Your password is set');
    await signIn(newUser, email, 'a long passphrase for nora');
    await expect(newUser).toHaveURL(/\/dashboard/);

    // The link works once only.
    await newUser.goto(new URL(link).pathname + new URL(link).search);
    await newUser.getByLabel('New password', { exact: true }).fill('another passphrase 123');
    await newUser.getByLabel('Repeat the new password').fill('another passphrase 123');
    await newUser.getByRole('button', { name: 'Set password' }).click();
    await expect(newUser.getByText('invalid or has expired')).toBeVisible();

    // Deactivate: their next request is signed out at once.
    await page.reload();
    page.once('dialog', (d) => d.accept());
    await page.getByTestId(`user-row-${email}`).getByRole('button', { name: 'Deactivate' }).click();
    await expect(page.getByTestId(`user-row-${email}`).getByText('Deactivated', { exact: true })).toBeVisible();
    await newUser.goto('/dashboard');
    await expect(newUser).toHaveURL(/\/login/);
    await signIn(newUser, email, 'a long passphrase for nora');
    await expect(newUser.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');
    await other.close();
  });

  test('validates a new user next to each field and keeps what was typed', async ({ page }) => {
    await page.goto('/admin');
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Name').fill('Someone');
    await form.getByLabel('Email').fill('not-an-email');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.locator('#new-email-error')).toContainText('valid email');
    await expect(form.getByLabel('Name')).toHaveValue('Someone');
    await form.getByLabel('Email').fill('exec@uplift.demo');
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(form.locator('#new-email-error')).toContainText('already has this email');
  });

  test('saves the organisation settings and rejects a bad currency', async ({ page }) => {
    await page.goto('/admin');
    const form = page.getByRole('form', { name: 'Organisation settings' });
    await form.getByLabel('Currency').fill('U$');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.locator('#currency-error')).toContainText('three-letter currency code');
    await form.getByLabel('Currency').fill('EUR');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved.');
    await page.reload();
    await expect(form.getByLabel('Currency')).toHaveValue('EUR');
    await form.getByLabel('Currency').fill('USD');
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved.');
  });
});

test.describe('restore uploads', () => {
  test.use({ storageState: storageFor('admin') });

  // proxy.ts lets a restore upload bypass it, because Next.js would cut a proxied body at 10 MB.
  test('an upload over 10 MB reaches the restore whole (refused here only because the instance holds data)', async ({ page }) => {
    const big = Buffer.alloc(11 * 1024 * 1024, 'x');
    const res = await page.request.post('/api/admin/backup', { multipart: { file: { name: 'backup.json', mimeType: 'application/json', buffer: big } } });
    expect(res.status()).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).not.toContain('did not arrive whole');
    expect(error).toMatch(/^Nothing was restored: (This instance already holds \d+ experiments|The database role)/);
    expect(res.headers()['cache-control']).toBe('no-store');
  });

  test('a cross-site restore upload is refused although it bypasses the proxy', async ({ page }) => {
    const res = await page.request.post('/api/admin/backup', {
      headers: { Origin: 'https://evil.example' },
      multipart: { file: { name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from('{}') } },
    });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: 'This request came from another site and was refused.' });
  });
});
