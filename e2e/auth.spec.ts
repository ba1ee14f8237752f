import { ACCOUNTS, expect, signIn, storageFor, test } from './fixtures';

test.describe('signed out', () => {
  test('a signed-out visit to any page redirects to /login', async ({ page }) => {
    for (const path of ['/dashboard', '/experiments', '/models', '/trends', '/reports', '/admin']) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/login/);
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    }
  });

  test('a wrong password gets a clear message and keeps the email', async ({ page }) => {
    await signIn(page, ACCOUNTS.executive, 'not-the-password');
    await expect(page.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');
    await expect(page.getByLabel('Email')).toHaveValue(ACCOUNTS.executive);
    await expect(page).toHaveURL(/\/login/);
  });

  test('an unknown email gets the same message as a wrong password', async ({ page }) => {
    await signIn(page, 'nobody@uplift.demo', 'whatever-password');
    await expect(page.locator('form').getByRole('alert')).toHaveText('Wrong email or password.');
  });

  test('an empty form says what is missing next to each field', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('#email-error')).toHaveText('Enter your email address.');
    await expect(page.locator('#password-error')).toHaveText('Enter your password.');
  });

  test('sign in, then sign out ends the session on the server', async ({ page, context }) => {
    await signIn(page, ACCOUNTS.executive);
    await expect(page).toHaveURL(/\/dashboard/);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name.includes('session_token'));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    // Replaying the old cookie must not work: the session is gone server-side.
    await context.addCookies([session!]);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login/);
  });

  test('the health check reports the database', async ({ request }) => {
    const res = await request.get('/api/health');
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(['pglite', 'postgres']).toContain(body.database);
  });
});

test.describe('navigation per role', () => {
  const expected = {
    admin: ['Dashboard', 'Experiments', 'Insights', 'Playbook', 'Models', 'Trends', 'Reports', 'Admin'],
    lead: ['Dashboard', 'Experiments', 'Insights', 'Playbook', 'Models', 'Trends', 'Reports'],
    executive: ['Dashboard', 'Experiments', 'Insights', 'Playbook', 'Models', 'Trends', 'Reports'],
  } as const;
  for (const role of ['admin', 'lead', 'executive'] as const) {
    test.describe(role, () => {
      test.use({ storageState: storageFor(role) });
      test(`${role} sees exactly the navigation for the role, and each page has data`, async ({ page }) => {
        await page.goto('/dashboard');
        const nav = page.getByRole('navigation', { name: 'Main' });
        await expect(nav.getByRole('link')).toHaveText([...expected[role]]);
        await page.goto('/experiments');
        await expect(page.getByRole('row')).not.toHaveCount(0);
        await page.goto('/models');
        await expect(page.getByRole('cell', { name: /GPT-4o mini/ }).first()).toBeVisible();
        await expect(page.getByTestId('data-attribution')).toContainText('Epoch AI');
      });
    });
  }
});

test.describe('executive', () => {
  test.use({ storageState: storageFor('executive') });
  test('cannot reach /admin: 403', async ({ page }) => {
    const res = await page.goto('/admin');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
  });
});

test.describe('lead', () => {
  test.use({ storageState: storageFor('lead') });
  test('cannot reach /admin: 403', async ({ page }) => {
    const res = await page.goto('/admin');
    expect(res?.status()).toBe(403);
  });
});
