import AxeBuilder from '@axe-core/playwright';
import { unsubscribeToken } from '../lib/digest/token';
import { E2E_SECRET, expect, storageFor, test } from './fixtures';

// Issue 20 §4: the weekly digest as a page, and its unsubscribe link working without signing in (GET asks, POST does).
test.describe.configure({ mode: 'serial' });
test.use({ storageState: storageFor('executive') });


test('/digest shows this week for the signed-in person; executives get it by default', async ({ page }) => {
  await page.goto('/digest');
  await expect(page.getByRole('heading', { name: 'Weekly digest', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You get this digest by email every week' })).toBeVisible();
  await expect(page.getByText(/What changed from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d/)).toBeVisible();
  // The demo's imported usage: the dashboard's vendor concentration by billed spend.
  await expect(page.getByTestId('digest-concentration')).toContainText(/Concentration by billed spend: HHI \d\.\d\d/);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.screenshot({ path: 'test-results/digest-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/digest-phone.png', fullPage: true });
});

test('the unsubscribe link: a forged one is refused; GET asks; the button unsubscribes without a session; /digest turns it back on', async ({ page, browser }) => {
  const session = await (await page.request.get('/api/auth/get-session')).json();
  const token = unsubscribeToken(session.user.id, E2E_SECRET);
  const anon = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitor = await anon.newPage();

  await visitor.goto(`/api/digest/unsubscribe?token=${encodeURIComponent(token.slice(0, -2))}xx`);
  await expect(visitor.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();

  await visitor.goto(`/api/digest/unsubscribe?token=${encodeURIComponent(token)}`);
  await expect(visitor.getByRole('heading', { name: 'Stop the weekly digest?' })).toBeVisible();
  await expect(visitor.getByText('e•••@uplift.demo')).toBeVisible();
  const axe = await new AxeBuilder({ page: visitor }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await visitor.screenshot({ path: 'test-results/digest-unsubscribe.png', fullPage: true });
  // Opening the link changed nothing.
  await page.goto('/digest');
  await expect(page.getByRole('heading', { name: 'You get this digest by email every week' })).toBeVisible();

  await visitor.getByRole('button', { name: 'Unsubscribe' }).click();
  await expect(visitor.getByRole('heading', { name: 'Unsubscribed' })).toBeVisible();
  await anon.close();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'You do not get this digest by email' })).toBeVisible();
  await page.getByRole('button', { name: 'Email it to me weekly' }).click();
  await expect(page.getByRole('status')).toHaveText('You will get this digest by email every week.');
  await expect(page.getByRole('heading', { name: 'You get this digest by email every week' })).toBeVisible();
});
