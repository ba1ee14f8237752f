import AxeBuilder from '@axe-core/playwright';
import { signJobRequest, SIGNATURE_HEADER } from '../lib/jobs/command-auth';
import { LOCALE_COOKIE } from '../i18n/locales';
import { E2E_SECRET, expect, storageFor, test } from './fixtures';

// Issue 20 §3: the alerts job fills the inbox; the bell counts the unread ones; mark read; preferences persist.
test.describe.configure({ mode: 'serial' });
test.use({ storageState: storageFor('admin') });


test('the alerts job fills the inbox; the bell counts unread alerts; mark read and preferences work', async ({ page, request }) => {
  // What `npm run jobs -- alerts` sends to a running server.
  const run = await request.post('/api/jobs/run', { data: { job: 'alerts' }, headers: { [SIGNATURE_HEADER]: signJobRequest(E2E_SECRET, 'alerts') } });
  expect(run.status()).toBe(200);
  expect(await run.json()).toMatchObject({ ran: true, outcome: 'succeeded', summary: expect.stringMatching(/new alert/) });

  await page.goto('/inbox');
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  const items = page.getByTestId('alert-item');
  const total = await items.count();
  expect(total).toBeGreaterThan(0);
  // The admin gets the privacy flags of every team.
  await expect(page.getByTestId('alert-item').filter({ hasText: 'Privacy flag' }).first()).toBeVisible();
  await expect(page.getByTestId('alert-count')).toHaveText(String(Math.min(total, 99)));
  await expect(page.getByTestId('alert-bell')).toHaveAttribute('aria-label', `Alerts: ${total} unread`);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await items.first().getByRole('button', { name: 'Mark as read' }).click();
  await expect(page.getByTestId('alert-bell')).toHaveAttribute('aria-label', `Alerts: ${total - 1} unread`);
  await expect(page.locator('[data-testid="alert-item"][data-read="yes"]')).toHaveCount(1);

  // Running the job again writes nothing twice.
  const again = await request.post('/api/jobs/run', { data: { job: 'alerts' }, headers: { [SIGNATURE_HEADER]: signJobRequest(E2E_SECRET, 'alerts') } });
  expect(await again.json()).toMatchObject({ ran: true, outcome: 'succeeded', summary: expect.stringMatching(/new alert/) });
  await page.reload();
  await expect(page.getByTestId('alert-item')).toHaveCount(total);

  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByTestId('alert-bell')).toHaveAttribute('aria-label', 'Alerts: none unread');
  await expect(page.getByTestId('alert-count')).toHaveCount(0);
});

test('preferences: turn an alert off and send another to the digest; they persist', async ({ page }) => {
  await page.goto('/inbox');
  const form = page.getByRole('form', { name: 'Alert preferences' });
  await form.getByLabel('Privacy flag: on').uncheck();
  await form.getByLabel('No check-in: email').selectOption('digest');
  await form.getByRole('button', { name: 'Save preferences' }).click();
  await expect(form.getByRole('status')).toHaveText('Preferences saved.');
  await page.reload();
  await expect(form.getByLabel('Privacy flag: on')).not.toBeChecked();
  await expect(form.getByLabel('No check-in: email')).toHaveValue('digest');
  await expect(form.getByLabel('Re-test candidate: on')).toBeChecked();
  await page.screenshot({ path: 'test-results/alerts-inbox-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/alerts-inbox-phone.png', fullPage: true });
});

// Issue 23: an alert is stored as what happened, so a Korean reader reads it in Korean. The demo admin has no language
// of their own: the cookie decides for this browser only, and other specs signed in as admin stay English.
test('a Korean reader reads the alerts in Korean', async ({ page, request, baseURL }) => {
  const run = await request.post('/api/jobs/run', { data: { job: 'alerts' }, headers: { [SIGNATURE_HEADER]: signJobRequest(E2E_SECRET, 'alerts') } });
  expect(run.status()).toBe(200);
  await page.context().addCookies([{ name: LOCALE_COOKIE, value: 'ko', url: baseURL! }]);
  await page.goto('/inbox');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  const items = page.getByTestId('alert-item');
  await expect(items.filter({ hasText: /개인정보 플래그: “[^”]+”\(/ }).first()).toBeVisible();
  await expect(items.filter({ hasText: /제공업체는 데이터를 학습에 사용할 수 있습니다\./ }).first()).toBeVisible();
  await expect(items.filter({ hasText: 'Privacy flag: “' })).toHaveCount(0);
  await expect(items.filter({ hasText: 'whose provider may train on it' })).toHaveCount(0);
});
