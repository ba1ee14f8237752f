import { DEMO_PASSWORD, expect, signIn, storageFor, test } from './fixtures';

// Sign-in throttling as people meet it: an attacker's failures lock out only browsers without the
// owner's device cookie, and an admin clears the lock-out (the rules: tests/security-throttle.test.ts).
const OWNER = 'coo@uplift.demo';
const alert = (page: import('@playwright/test').Page) => page.locator('form').getByRole('alert');

test('the owner signs in from their own browser while an attacker is locked out; the admin sees and clears the lock-out', async ({ browser, baseURL }, testInfo) => {
  const fresh = { storageState: { cookies: [], origins: [] } };
  const ownerContext = await browser.newContext(fresh);
  const attackerContext = await browser.newContext(fresh);
  const adminContext = await browser.newContext({ storageState: storageFor('admin') });
  try {
    // The owner has signed in from this browser before: it keeps a signed device cookie.
    const owner = await ownerContext.newPage();
    await signIn(owner, OWNER);
    await expect(owner).toHaveURL(/\/dashboard/);
    const device = (await ownerContext.cookies()).find((c) => c.name === 'uplift_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
    expect(device!.expires * 1000 - Date.now()).toBeGreaterThan(300 * 24 * 3600_000);
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await expect(owner).toHaveURL(/\/login/);

    // An attacker guesses from another browser: five wrong answers, then refusals, even for the right password.
    const attacker = await attackerContext.newPage();
    for (let i = 0; i < 5; i++) {
      await signIn(attacker, OWNER, `guess number ${i}`);
      await expect(alert(attacker)).toHaveText('Wrong email or password.');
    }
    for (const password of ['guess number 5', 'guess number 6', DEMO_PASSWORD]) {
      await signIn(attacker, OWNER, password);
      await expect(alert(attacker)).toHaveText(/^Too many failed sign-ins\. Try again in 1[45] minutes\.$/);
    }
    await expect(attacker).toHaveURL(/\/login/);

    // The owner is not locked out of their own browser.
    await signIn(owner, OWNER);
    await expect(owner).toHaveURL(/\/dashboard/);

    // The admin sees the lock-out and clears it, after confirming.
    const admin = await adminContext.newPage();
    await admin.goto('/admin');
    const section = admin.getByRole('region', { name: 'Recent lock-outs' });
    const row = section.getByRole('row').filter({ hasText: OWNER });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell')).toHaveText([OWNER, 'Browsers without a device cookie', '5', '3', /UTC$/, /^Locked until \d\d:\d\d UTC$/, 'Clear']);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: testInfo.outputPath('admin-lockouts.png') });
    admin.once('dialog', (d) => {
      expect(d.message()).toBe(`Clear the lock-out of ${OWNER} from Browsers without a device cookie? They can try again at once.`);
      void d.accept();
    });
    await row.getByRole('button', { name: 'Clear' }).click();
    await expect(section.getByRole('row').filter({ hasText: OWNER })).toHaveCount(0);

    // Cleared: a browser without the cookie may try again at once.
    await signIn(attacker, OWNER);
    await expect(attacker).toHaveURL(/\/dashboard/);
    expect(new URL(attacker.url()).origin).toBe(new URL(baseURL!).origin);
  } finally {
    await Promise.all([ownerContext.close(), attackerContext.close(), adminContext.close()]);
  }
});

test('after sign-in, next never leads to another site', async ({ page, baseURL }) => {
  // As typed in the address bar: %5C is a backslash, %255C an encoded one, %09 a tab.
  for (const next of ['/%5Cevil.example', '/%255Cevil.example', '//evil.example', '%2F%2Fevil.example', '/%252F/evil', 'https://evil.example', '/%09/evil.example']) {
    await page.context().clearCookies();
    await page.goto(`/login?next=${next}`);
    await page.getByLabel('Email').fill('cfo@uplift.demo');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${baseURL}/dashboard`);
  }
  await page.context().clearCookies();
  await page.goto('/login?next=/%5Cevil.example');
  // The unsafe value does not even reach the form.
  await expect(page.locator('input[name="next"]')).toHaveCount(0);
});
