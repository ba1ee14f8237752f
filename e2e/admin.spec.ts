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
    const row = page.getByTestId(`user-row-${email}`);
    await row.getByRole('button', { name: 'Actions for Nora New' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate…' }).click();
    await page.getByRole('dialog', { name: 'Deactivate Nora New?' }).getByRole('button', { name: 'Deactivate', exact: true }).click();
    await expect(row.getByText('Deactivated', { exact: true })).toBeVisible();
    await newUser.goto('/dashboard');
    await expect(newUser).toHaveURL(/\/login/);
    await signIn(newUser, email, 'a long passphrase for nora');
    await expect(newUser.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');
    await other.close();
  });

  test('memberships are chips: one is added from an empty choice and removed with its own button', async ({ page }) => {
    const email = `chips.${Date.now()}@uplift.demo`;
    await page.goto('/admin');
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Name').fill('Chip Person');
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByTestId('create-user-result')).toContainText('one-time link');
    const row = page.getByTestId(`user-row-${email}`);
    await expect(row.getByText('No team', { exact: true })).toBeVisible();
    // The add form starts empty: nobody looks like a member of the first team in the list.
    const team = row.getByLabel('Team to add Chip Person to');
    await expect(team).toHaveValue('');
    await row.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(row.getByRole('form', { name: 'Add Chip Person to a team' }).getByRole('alert')).toHaveText('Choose a team.');
    // A Team lead who leads no team is told so.
    await expect(row.getByText('Leads no team yet')).toBeVisible();

    await team.selectOption({ label: 'Finance' });
    await row.getByLabel('Role in that team for Chip Person').selectOption('lead');
    await row.getByRole('button', { name: 'Add', exact: true }).click();
    const chips = row.getByRole('list', { name: 'Teams of Chip Person' });
    await expect(chips.getByRole('listitem')).toHaveText(['Finance · lead']);
    await expect(row.getByText('Leads no team yet')).toHaveCount(0);
    await expect(row.getByLabel('Team to add Chip Person to').locator('option', { hasText: 'Finance' })).toHaveCount(0);

    await row.getByLabel('Team to add Chip Person to').selectOption({ label: 'Marketing' });
    await row.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(chips.getByRole('listitem')).toHaveText(['Finance · lead', 'Marketing · member']);

    await row.getByRole('button', { name: 'Remove Chip Person from Finance' }).click();
    await expect(chips.getByRole('listitem')).toHaveText(['Marketing · member']);
    await page.reload();
    await expect(page.getByTestId(`user-row-${email}`).getByRole('list', { name: 'Teams of Chip Person' }).getByRole('listitem')).toHaveText(['Marketing · member']);
  });

  test('the row menu works from the keyboard, and deactivation waits for its confirmation', async ({ page }) => {
    const email = `menu.${Date.now()}@uplift.demo`;
    await page.goto('/admin');
    const form = page.getByRole('form', { name: 'Add a user' });
    await form.getByLabel('Name').fill('Menu Person');
    await form.getByLabel('Email').fill(email);
    await form.getByRole('button', { name: 'Add user' }).click();
    await expect(page.getByTestId('create-user-result')).toContainText('one-time link');
    const row = page.getByTestId(`user-row-${email}`);
    // No row shows a Deactivate button until its menu is opened.
    await expect(page.getByRole('button', { name: 'Deactivate', exact: true })).toHaveCount(0);
    const menuButton = row.getByRole('button', { name: 'Actions for Menu Person' });
    await expect(menuButton).toHaveAttribute('aria-haspopup', 'menu');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');

    await menuButton.focus();
    await page.keyboard.press('Enter');
    await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
    const menu = page.getByRole('menu', { name: 'Actions for Menu Person' });
    await expect(menu.getByRole('menuitem', { name: 'Reset password link' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Deactivate…' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(menuButton).toBeFocused();

    // Cancel (and Escape) in the confirmation leave the user active.
    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Deactivate…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Deactivate Menu Person?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Deactivate…' }).click();
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await page.reload();
    await expect(row.getByText('Deactivated', { exact: true })).toHaveCount(0);

    // The reset link from the menu shows in the row.
    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Reset password link' }).click();
    await expect(row.getByRole('form', { name: 'Password reset for Menu Person' }).getByRole('status')).toContainText('/reset-password?token=');

    // Confirmed: deactivated, and the menu now offers Reactivate.
    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Deactivate…' }).click();
    await confirm.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await expect(row.getByText('Deactivated', { exact: true })).toBeVisible();
    await expect(row.getByRole('form', { name: 'Access of Menu Person' }).getByRole('status')).toHaveText('User deactivated; their sessions have ended.');
    await menuButton.click();
    await menu.getByRole('menuitem', { name: 'Reactivate' }).click();
    await expect(row.getByText('Deactivated', { exact: true })).toHaveCount(0);
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
