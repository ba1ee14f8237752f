import { test as base, expect, type Page } from '@playwright/test';

/** Sign-ins the setup project keeps; `member` is a lead-role user who leads no team (a plain team member). */
export type Role = 'admin' | 'lead' | 'executive' | 'member';
export const ACCOUNTS: Record<Role, string> = {
  admin: 'admin@uplift.demo',
  lead: 'lead@uplift.demo',
  executive: 'exec@uplift.demo',
  member: 'nina@uplift.demo',
};
export const DEMO_PASSWORD = 'uplift-demo';
export const storageFor = (role: Role) => `e2e/.auth/${role}.json`;
/** The app secret scripts/e2e-server.ts gives the server, so a test can sign `npm run jobs` and usage imports. */
export const E2E_SECRET = process.env.BETTER_AUTH_SECRET ?? 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
/**
 * The loopback ports beside the app's own (playwright.config.ts's E2E_PORT), one each: the test OpenID provider
 * (e2e/sso.spec.ts) and the second app server (e2e/two-servers.spec.ts). They once shared E2E_PORT + 1, and the
 * second server, reading the SSO settings that spec leaves behind, fetched the provider's discovery document
 * from itself and never answered.
 */
const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? APP_PORT + 1);
export const SECOND_SERVER_PORT = APP_PORT + 2;
/** A title no other test (or earlier run on the same database) has used. */
export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/**
 * Every test fails on a Content-Security-Policy violation or an uncaught page error,
 * so a broken nonce or a crashing chart cannot pass unnoticed.
 */
export const test = base.extend<{ consoleGuard: void }>({
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (msg) => {
        const text = msg.text();
        if (/Content Security Policy|Refused to (execute|load|apply)/i.test(text)) problems.push(`CSP: ${text}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      await use();
      expect(problems, problems.join('\n')).toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
