// Single sign-on in the browser, against a real OpenID Connect provider (oidc-provider) this spec starts
// on loopback: an admin configures it on /admin and maps a group to a role, then a new person's first
// sign-in creates them with that role. The refusals run as integration tests (tests/sso-oidc.test.ts).
import { startIdp, type Idp } from '../tests/helpers/oidc-idp';
import { baseURL } from '../playwright.config';
import { OIDC_PORT, expect, storageFor, test } from './fixtures';

let idp: Idp;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  idp = await startIdp({ port: OIDC_PORT, redirectUris: [`${baseURL}/api/auth/callback/oidc`] });
  idp.accounts.set('ada', { email: 'ada@corp.test', email_verified: true, name: 'Ada Lovelace', groups: ['uplift-leads'] });
});
test.afterAll(async () => {
  await idp?.close();
});

test('an admin configures single sign-on; the first sign-in creates the user with the mapped role', async ({ browser }) => {
  const admin = await browser.newContext({ storageState: storageFor('admin') });
  const page = await admin.newPage();
  await page.goto('/admin');
  const provider = page.getByRole('form', { name: 'Single sign-on provider' });
  await provider.getByLabel('Issuer URL').fill(idp.issuer);
  await provider.getByLabel('Button name').fill('Test IdP');
  await provider.getByLabel('Client id').fill(idp.clientId);
  await provider.getByLabel('Client secret').fill(idp.clientSecret);
  await provider.getByLabel('Allowed domains or tenants').fill('corp.test');
  await provider.getByLabel('Role claim').fill('groups');
  await provider.getByRole('button', { name: 'Save single sign-on' }).click();
  await expect(provider.getByRole('status')).toHaveText('Single sign-on saved.');
  // The secret is never shown again.
  await page.reload();
  await expect(page.getByRole('form', { name: 'Single sign-on provider' }).getByLabel('Client secret')).toHaveValue('');
  expect(await page.content()).not.toContain(idp.clientSecret);

  const mapping = page.getByRole('form', { name: 'Add a role mapping' });
  await mapping.getByLabel('Claim value').fill('uplift-leads');
  await mapping.getByLabel('Role').selectOption('lead');
  await mapping.getByRole('button', { name: 'Save mapping' }).click();
  await expect(mapping.getByRole('status')).toHaveText('Mapping for uplift-leads saved.');
  await expect(page.getByRole('table', { name: 'Role mapping' }).getByRole('row', { name: /uplift-leads/ })).toContainText('lead');

  // A new person, signed out.
  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  await v.goto('/login');
  await v.screenshot({ path: 'test-results/sso-login-desktop.png', fullPage: true });
  await v.setViewportSize({ width: 390, height: 844 });
  await v.screenshot({ path: 'test-results/sso-login-phone.png', fullPage: true });
  await page.getByRole('heading', { name: 'Single sign-on' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/sso-admin-desktop.png' });
  await v.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await expect(v.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await v.getByLabel('Account').fill('ada');
  await v.getByRole('button', { name: 'Continue' }).click();
  // A lead lands on the experiments list.
  await expect(v).toHaveURL(`${baseURL}/experiments`);
  await expect(v.getByTestId('current-user')).toContainText('Ada Lovelace');

  await page.reload();
  const row = page.getByRole('row', { name: /ada@corp\.test/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('combobox', { name: 'Role of Ada Lovelace' })).toHaveValue('lead');
  await visitor.close();
  await admin.close();
});
