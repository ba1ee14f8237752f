import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { signJobRequest, SIGNATURE_HEADER } from '../lib/jobs/command-auth';
import { TEST_APP_ROLE, TEST_OWNER_ROLE, asRole } from '../scripts/test-roles';
import { E2E_SECRET, SECOND_SERVER_PORT, expect, storageFor, test, unique } from './fixtures';

// Two app servers on one PostgreSQL database (the `two-servers` project of playwright.config.ts: PostgreSQL only, where one
// server holds the database on PGlite; it runs last, alone). Each server caches figures and lists per data version in
// its own memory; the version lives in the database, so a write through one server must show in the
// other's very next view — no waiting, no retry: every check below reads server B once.
const PORT_B = SECOND_SERVER_PORT;
const B = `http://127.0.0.1:${PORT_B}`;

let serverB: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const url = process.env.E2E_DATABASE_URL!;
  // Server B must be this test's own: a server left on the port would answer for it.
  expect(await fetch(`${B}/api/health`).then(() => 'taken', () => 'free'), `port ${PORT_B}`).toBe('free');
  serverB = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
    stdio: 'ignore',
    detached: true, // its own process group, so afterAll stops `next start` along with its parent
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(PORT_B),
      HOST: '127.0.0.1',
      BETTER_AUTH_URL: B,
      BETTER_AUTH_SECRET: E2E_SECRET,
      DATABASE_URL: asRole(url, TEST_APP_ROLE),
      UPLIFT_MIGRATE_DATABASE_URL: asRole(url, TEST_OWNER_ROLE),
      UPLIFT_DEMO: '',
      UPLIFT_JOBS: 'off',
    },
  });
  for (let waited = 0; ; waited += 500) {
    const up = await fetch(`${B}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (waited > 150_000 || serverB.exitCode !== null) throw new Error(`server B did not start (exit ${serverB.exitCode})`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(() => {
  if (serverB?.pid) process.kill(-serverB.pid, 'SIGTERM');
});

const kpiOn = async (page: Page, id: string) => (await page.getByTestId(`kpi-${id}`).textContent())?.trim();
const countOn = async (page: Page) => ((await page.getByTestId('result-count').textContent()) ?? '').trim();

test.describe('as an admin', () => {
  test.use({ storageState: storageFor('admin') });

  test('a new team’s running experiment, written through A, is in B’s very next dashboard and list', async ({ page, browser }) => {
    const team = unique('Two servers');
    await page.goto('/admin');
    const addTeam = page.getByRole('form', { name: 'Add a team' });
    await addTeam.getByLabel('Team name').fill(team);
    await addTeam.getByRole('button', { name: 'Add team' }).click();
    await expect(addTeam.getByRole('status')).toBeVisible();

    await page.goto('/experiments/new');
    const teamId = await page.getByLabel('Team', { exact: true }).locator('option', { hasText: team }).getAttribute('value');
    expect(teamId).toMatch(/^\d+$/);

    // Server B, signed in with the same session cookie (one database, one secret), warms its caches for the team.
    const onB = await (await browser.newContext({ storageState: storageFor('admin'), baseURL: B })).newPage();
    await onB.goto(`/dashboard?team=${teamId}`);
    expect(await kpiOn(onB, 'active')).toBe('0');
    await onB.goto(`/experiments?team=${teamId}`);
    await expect(onB.getByText('No experiment matches these filters')).toBeVisible();

    // The write goes through server A.
    const title = unique('Seen on B');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Team', { exact: true }).selectOption(teamId!);
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);
    const detail = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Status').selectOption('running');
    await page.getByLabel('Start date').fill(new Date().toISOString().slice(0, 10)); // active in the default period
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`${detail}$`));

    // B's very next views: the dashboard figure, the list with its count, and the detail page.
    await onB.goto(`/dashboard?team=${teamId}`);
    expect(await kpiOn(onB, 'active')).toBe('1');
    await onB.goto(`/experiments?team=${teamId}`);
    expect(await countOn(onB)).toMatch(/^1\b/);
    await expect(onB.getByRole('link', { name: title })).toBeVisible();
    await onB.goto(detail);
    await expect(onB.getByRole('heading', { name: title, level: 1 })).toBeVisible();
    await onB.context().close();
  });
});

test.describe('as a team lead', () => {
  test.use({ storageState: storageFor('lead') });

  test('an alert marked read through A is read in B’s very next inbox', async ({ page, browser, request }) => {
    // What `npm run jobs -- alerts` sends to a running server: fill the inboxes (a no-op when already filled).
    const run = await request.post('/api/jobs/run', { data: { job: 'alerts' }, headers: { [SIGNATURE_HEADER]: signJobRequest(E2E_SECRET, 'alerts') } });
    expect(run.status()).toBe(200);

    const onB = await (await browser.newContext({ storageState: storageFor('lead'), baseURL: B })).newPage();
    await onB.goto('/inbox');
    const unread = onB.locator('[data-testid="alert-item"][data-read="no"]').first();
    await expect(unread).toBeVisible();
    const id = await unread.getAttribute('data-alert-id');

    await page.goto('/inbox');
    const item = page.locator(`[data-testid="alert-item"][data-alert-id="${id}"]`);
    await item.getByRole('button', { name: 'Mark as read' }).click();
    await expect(item).toHaveAttribute('data-read', 'yes');

    await onB.goto('/inbox');
    expect(await onB.locator(`[data-testid="alert-item"][data-alert-id="${id}"]`).getAttribute('data-read')).toBe('yes');
    await onB.context().close();
  });

  test('both servers evaluating alerts at once give the owner one alert, seen on either', async ({ page, request }) => {
    // A running experiment with no check-in for 40 days: its owner (this lead) is due one "no check-in" alert.
    const title = unique('Quiet for 40 days');
    await page.goto('/experiments/new');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Status').selectOption('running');
    await page.getByLabel('Start date').fill(new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);

    // `npm run jobs -- alerts` sent to both servers at the same moment.
    const signed = { data: { job: 'alerts' }, headers: { [SIGNATURE_HEADER]: signJobRequest(E2E_SECRET, 'alerts') } };
    const runs = await Promise.all([request.post('/api/jobs/run', signed), request.post(`${B}/api/jobs/run`, signed)]);
    expect(runs.map((r) => r.status())).toEqual([200, 200]);
    expect((await Promise.all(runs.map((r) => r.json()))).some((r: { ran: boolean }) => r.ran)).toBe(true);

    for (const [server, base] of [['A', ''], ['B', B]] as const) {
      await page.goto(`${base}/inbox`);
      await expect(page.getByTestId('alert-item').filter({ hasText: title }), `inbox on ${server}`).toHaveCount(1);
    }
  });
});
