import { expect, storageFor, test } from './fixtures';

// Issue 20 §3: an admin adds a webhook on /admin (a refused address gets one clear sentence), sees its secret once,
// sends a test, edits it (a new URL is checked again), turns it off and on, and deletes it after a confirmation. Receivers are tested in tests/webhooks.test.ts.
test.use({ storageState: storageFor('admin') });

test('webhooks on /admin: refused metadata URL, add (secret shown once), send test, edit, off and on, delete after confirming', async ({ page }) => {
  await page.goto('/admin');
  const form = page.getByRole('form', { name: 'Add a webhook' });
  await form.getByLabel('Name').fill('Cloud metadata');
  await form.getByLabel('Webhook URL').fill('https://169.254.169.254/latest/meta-data/');
  await form.getByRole('button', { name: 'Add webhook' }).click();
  await expect(form.getByText('Uplift does not post to 169.254.169.254: it is a link-local address (169.254.0.0/16), where cloud metadata services answer.')).toBeVisible();

  // A documentation address (TEST-NET-3): accepted without a DNS lookup, and nothing answers there.
  await form.getByLabel('Name').fill('#ai-adoption');
  await form.getByLabel('Format').selectOption('teams');
  await form.getByLabel('Webhook URL').fill('https://203.0.113.10/workflows/hook');
  await form.getByLabel('Privacy flag').uncheck();
  await form.getByRole('button', { name: 'Add webhook' }).click();
  await expect(page.getByTestId('webhook-created')).toContainText(/Webhook “#ai-adoption” added\. Its signing secret, shown only now: whsec_[A-Za-z0-9_-]{43}$/);
  const list = page.getByTestId('webhooks');
  await expect(list.getByText('#ai-adoption', { exact: true })).toBeVisible();
  // The badge (the edit form's format list names it too).
  await expect(list.getByText('Microsoft Teams (Workflows)').first()).toBeVisible();
  await expect(list.getByText('Re-test candidate, Price move, Model retiring, No check-in')).toBeVisible();
  await page.screenshot({ path: 'test-results/admin-webhooks.png', fullPage: true });

  await page.getByRole('form', { name: 'Send a test to #ai-adoption' }).getByRole('button', { name: 'Send test' }).click();
  await expect(page.getByRole('form', { name: 'Send a test to #ai-adoption' }).getByRole('alert')).toContainText('Not delivered:', { timeout: 20_000 });

  // Edit: a new URL is checked like a new one; left blank, the stored one stays.
  await list.getByText('Edit #ai-adoption').click();
  const edit = page.getByRole('form', { name: 'Edit webhook #ai-adoption' });
  await list.screenshot({ path: 'test-results/admin-webhooks-edit-form.png' });
  await edit.getByLabel('Name').fill('#ai-news');
  await edit.getByLabel('New webhook URL').fill('https://[fd00:ec2::254]/latest/');
  await edit.getByRole('button', { name: 'Save webhook' }).click();
  await expect(edit.getByRole('alert').first()).toContainText('Uplift does not post to');
  await edit.getByLabel('New webhook URL').fill('');
  await edit.getByLabel('Privacy flag').check();
  await edit.getByRole('button', { name: 'Save webhook' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Webhook “#ai-news” saved.' })).toBeVisible();
  await expect(list.getByText('#ai-news', { exact: true })).toBeVisible();
  await expect(list.getByText('Re-test candidate, Price move, Privacy flag, Model retiring, No check-in')).toBeVisible();
  await expect(list.getByText('https://203.0.113.10/workflo…hook')).toBeVisible();

  // Off and on again.
  await page.getByRole('form', { name: 'Turn off webhook #ai-news' }).getByRole('button', { name: 'Turn off' }).click();
  await expect(list.getByText('off', { exact: true })).toBeVisible();
  await page.getByRole('form', { name: 'Turn on webhook #ai-news' }).getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByRole('form', { name: 'Turn off webhook #ai-news' })).toBeVisible();
  await expect(list.getByText('off', { exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/admin-webhooks-edit.png', fullPage: true });

  // Dismissing the confirmation keeps it; accepting deletes it.
  const del = page.getByRole('form', { name: 'Delete webhook #ai-news' });
  page.once('dialog', (d) => d.dismiss());
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByText('#ai-news', { exact: true })).toBeVisible();
  page.once('dialog', (d) => d.accept());
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No webhooks yet.')).toBeVisible();
});
