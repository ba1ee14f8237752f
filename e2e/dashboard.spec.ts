import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, signIn, storageFor, test, ACCOUNTS } from './fixtures';

const kpi = (page: Page, id: string) => page.getByTestId(`kpi-${id}`);
/** The number at the start of the experiment list's "N experiments · page x of y". */
const listCount = async (page: Page) => Number(((await page.getByTestId('result-count').textContent()) ?? '').replace(/,/g, '').match(/^\s*(\d+)/)![1]);
const asNumber = async (page: Page, id: string) => Number(((await kpi(page, id).textContent()) ?? '').replace(/[^0-9.]/g, ''));

test.describe('executive dashboard', () => {
  test.use({ storageState: storageFor('executive') });

  test('shows every section with rendered charts and the definitions', async ({ page }) => {
    await page.goto('/dashboard');
    for (const id of ['outcomes', 'augmentation', 'evidence', 'active', 'teams', 'completed', 'hours', 'spend']) {
      await expect(kpi(page, id)).toBeVisible();
    }
    for (const chart of ['chart-outcomes-by-type', 'chart-impact', 'chart-hours', 'chart-spend', 'chart-status', 'chart-teams', 'chart-mindset', 'chart-models', 'chart-vendors']) {
      await expect(page.getByTestId(chart).locator('svg.chart-surface').first()).toBeVisible();
    }
    await expect(page.getByTestId('team-table')).toBeVisible();
    await expect(page.getByTestId('top-stories').getByRole('listitem').first()).toBeVisible();
    await expect(page.getByTestId('definitions')).toContainText('running interval');
    // Capability first, and never narrower than efficiency.
    const cap = await page.getByTestId('section-capability').boundingBox();
    const eff = await page.getByTestId('section-efficiency').boundingBox();
    expect(cap!.x).toBeLessThan(eff!.x);
    expect(cap!.width).toBeGreaterThanOrEqual(eff!.width);
  });

  test('the market context says what /trends says: the price of GPT-4-level capability and the teams behind the frontier', async ({ page }) => {
    await page.goto('/trends');
    const trendsHeadline = (await page.getByTestId('gpqa-headline').textContent()) ?? '';
    const trendsTeams = await page.getByTestId('teams-behind').locator('tbody tr td:first-child').allTextContents();
    await page.goto('/dashboard');
    const headline = page.getByTestId('price-of-capability');
    await expect(headline).toContainText('the price of GPT-4-level capability fell');
    // The same fall, the same months and the same two models as the trends page's sentence.
    const fall = (text: string) => text.match(/fell (.+?) months/)?.[1];
    expect(fall((await headline.textContent()) ?? '')).toBe(fall(trendsHeadline));
    expect(fall(trendsHeadline)).toBeTruthy();
    if (trendsTeams.length) {
      const teams = await page.getByTestId('dashboard-teams-behind').locator('tbody tr td:first-child').allTextContents();
      expect(teams).toEqual(trendsTeams.slice(0, 5));
    } else {
      await expect(page.getByTestId('dashboard-teams-behind-empty')).toBeVisible();
    }
  });

  test('filters live in the URL, change the figures, and a copied link reproduces the view', async ({ page, browser }) => {
    await page.goto('/dashboard');
    const active90 = await asNumber(page, 'active');
    await page.getByRole('combobox', { name: 'Period' }).selectOption('all');
    await expect(page).toHaveURL(/period=all/);
    await expect(page.getByTestId('period-summary')).toContainText('no earlier period');
    const activeAll = await asNumber(page, 'active');
    expect(activeAll).toBeGreaterThan(active90);

    await page.getByLabel('Teams', { exact: true }).click();
    // A team no other test writes to (the lead's Customer Support gets new check-ins meanwhile).
    await page.getByRole('checkbox', { name: 'Legal & Compliance' }).click();
    await expect(page).toHaveURL(/team=\d+/);
    await expect(page.getByTestId('kpi-teams')).toHaveText('1');
    const activeTeam = await asNumber(page, 'active');
    expect(activeTeam).toBeLessThan(activeAll);

    const copied = page.url();
    const other = await browser.newContext({ storageState: storageFor('executive') });
    const second = await other.newPage();
    await second.goto(copied);
    await expect(kpi(second, 'active')).toHaveText(String(activeTeam));
    await expect(kpi(second, 'hours')).toHaveText((await kpi(page, 'hours').textContent())!);
    await other.close();

    await page.getByRole('link', { name: 'Reset' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    // Other tests may add experiments meanwhile, so check the filters went back rather than an exact count.
    await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('90d');
    await expect(page.getByTestId('kpi-teams')).not.toHaveText('1');
    expect(await asNumber(page, 'active')).toBeGreaterThanOrEqual(active90);
  });

  test('a headline figure drills down to a list of the same size', async ({ page }) => {
    await page.goto('/dashboard?period=12m');
    const completed = await asNumber(page, 'completed');
    await kpi(page, 'completed').click();
    await expect(page).toHaveURL(/\/experiments\?.*completedFrom=/);
    expect(await listCount(page)).toBe(completed);
  });

  test('a chart figure drills down to a list of the same size', async ({ page }) => {
    await page.goto('/dashboard?period=12m');
    const chart = page.getByTestId('chart-status');
    await chart.getByText('Show data table').click();
    const cell = chart.locator('table a').filter({ hasNotText: /^0$/ }).first();
    const n = Number(await cell.textContent());
    await cell.click();
    await expect(page).toHaveURL(/\/experiments\?.*status=/);
    expect(await listCount(page)).toBe(n);
  });

  test('a bar shows its figures on hover and on keyboard focus, and opens its experiments', async ({ page }) => {
    await page.goto('/dashboard?period=12m');
    const chart = page.getByTestId('chart-status');
    // The first bar with experiments: its accessible name holds month, status and count.
    const bar = chart.locator('svg.chart-surface a').first();
    const name = (await bar.getAttribute('aria-label')) ?? '';
    const [, month, status, count] = name.match(/^(.+?), (.+?): (\d+)/)!;
    const tip = chart.locator('[data-tip-box]:visible');
    await expect(tip).toHaveCount(0);

    await bar.hover();
    await expect(tip).toHaveCount(1);
    await expect(tip).toContainText(month);
    await expect(tip.getByRole('listitem').filter({ hasText: status })).toContainText(count);
    await page.mouse.move(0, 0);
    await expect(tip).toHaveCount(0);

    await bar.focus();
    await expect(tip).toContainText(month);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/experiments\?.*status=/);
    expect(await listCount(page)).toBe(Number(count));
  });

  test('shows empty states when the filter leaves nothing', async ({ page }) => {
    await page.goto('/dashboard?period=custom&from=2001-01-01&to=2001-03-31');
    await expect(kpi(page, 'active')).toHaveText('0');
    await expect(page.getByTestId('chart-outcomes-by-type')).toContainText('Nothing in this period');
    await expect(page.getByTestId('chart-status')).toContainText('Nothing in this period');
  });

  test('has no serious accessibility violations', async ({ page }) => {
    test.setTimeout(120_000); // axe over the whole dashboard is slow on a loaded 2-core machine
    await page.goto('/dashboard');
    await expect(page.getByTestId('chart-models').locator('svg.chart-surface').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });
});

test.describe('sign-in and leads', () => {
  test('an executive lands on the dashboard after signing in', async ({ browser }) => {
    const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await ctx.newPage();
    await signIn(page, ACCOUNTS.executive);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(kpi(page, 'active')).toBeVisible();
    await ctx.close();
  });

  test.describe('lead', () => {
    test.use({ storageState: storageFor('lead') });
    test('a lead switches the dashboard to "my teams"', async ({ page }) => {
      await page.goto('/dashboard');
      await page.getByLabel('Teams', { exact: true }).click();
      await page.getByRole('checkbox', { name: 'My teams only' }).click();
      await expect(page).toHaveURL(/mine=yes/);
      await expect(page.getByTestId('kpi-cards')).toContainText('of 1 team ·');
    });
  });
});
