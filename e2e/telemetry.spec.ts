import AxeBuilder from '@axe-core/playwright';
import { expect, storageFor, test } from './fixtures';

// The demo organisation's imported usage (db/seed/demo-usage.ts): seven teams and an unmapped "sandbox" project on
// a LiteLLM gateway, the legal team billed in EUR with a rate for every month but the current one. The last test
// sets that rate, so the tests run in order.
test.describe.configure({ mode: 'serial' });

const thisMonth = new Date().toISOString().slice(0, 7);

test.describe('an executive reads the adoption telemetry', () => {
  test.use({ storageState: storageFor('executive') });

  test('figures, the chart, the breakdowns and billed versus reported, with unmapped usage and the unconverted bill flagged', async ({ page }) => {
    await page.goto('/dashboard');
    const section = page.getByTestId('section-telemetry');
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByRole('heading', { name: 'Adoption telemetry' })).toBeVisible();
    await expect(page.getByTestId('telemetry-active-users')).toContainText('Daily maximum in the period, never a sum');
    await expect(page.getByTestId('telemetry-spend')).toContainText('$');

    // The Recharts plot arrives when scrolled to; the metric buttons switch what it shows.
    const chart = page.getByTestId('usage-trend');
    await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.getByRole('button', { name: 'Billed spend' }).click();
    await expect(page.getByRole('button', { name: 'Billed spend' })).toHaveAttribute('aria-pressed', 'true');
    await expect(chart).toHaveAttribute('aria-label', /Billed spend/);

    const teams = page.getByTestId('telemetry-by-team-row');
    await expect(teams).toHaveCount(8);
    await expect(teams.last()).toContainText('Unmapped');
    await expect(teams.last()).toContainText('No Uplift team mapped');
    const legal = teams.filter({ hasText: 'Legal & Compliance' });
    await expect(legal.getByTestId('unconverted')).toContainText(`not converted (no EUR rate for ${thisMonth})`);
    await expect(legal).toContainText(/at 1 EUR = 1\.\d+ USD|at the rates set for \d+ months \(1 EUR = /);

    const billed = page.getByTestId('billed-vs-reported-row');
    await expect(billed.last()).toContainText('Unmapped');
    await expect(billed.last()).toContainText('Usage not mapped to any team');
    await expect(billed.filter({ hasText: 'Customer Support' })).toContainText(/experiments?/);
    expect(await billed.count()).toBeGreaterThanOrEqual(8);

    // A team's name narrows the dashboard to it (the drill-down), the telemetry with it.
    await teams.filter({ hasText: 'Finance' }).getByRole('link', { name: 'Finance' }).click();
    await expect(page).toHaveURL(/team=\d+.*#telemetry-heading$/);
    await expect(page.getByTestId('telemetry-by-team-row')).toHaveCount(1);
    await expect(page.getByTestId('telemetry-by-team-row')).toContainText('Finance');

    await page.goto('/dashboard');
    await page.getByTestId('section-telemetry').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('usage-trend').locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.getByTestId('section-telemetry').screenshot({ path: 'test-results/dashboard-telemetry.png' });
    const axe = await new AxeBuilder({ page }).include('[data-testid="section-telemetry"]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

test.describe('a lead reads only their own teams’ usage', () => {
  test.use({ storageState: storageFor('lead') });

  test('Customer Support only, no unmapped usage', async ({ page }) => {
    await page.goto('/dashboard');
    await page.getByTestId('section-telemetry').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('telemetry-by-team-row')).toHaveCount(1);
    await expect(page.getByTestId('telemetry-by-team-row')).toContainText('Customer Support');
    await expect(page.getByTestId('billed-vs-reported-row')).toHaveCount(1);
  });
});

test.describe('an admin sets the missing exchange rate', () => {
  test.use({ storageState: storageFor('admin') });

  test('the month waits for a rate, a bad rate is refused, a good one converts the flagged bill', async ({ page }) => {
    await page.goto('/admin/usage/rates');
    await expect(page.getByTestId('fx-missing')).toContainText(thisMonth);
    await page.getByLabel('Month').fill(thisMonth);
    await page.getByLabel('Bills in').fill('EUR');
    await page.getByLabel('USD per unit').fill('-1');
    await page.getByRole('button', { name: 'Set rate' }).click();
    await expect(page.getByText('Enter a positive number with at most 8 decimals')).toBeVisible();
    await page.getByLabel('USD per unit').fill('1.0825');
    await page.getByRole('button', { name: 'Set rate' }).click();
    await expect(page.getByRole('status')).toContainText(`1 EUR = 1.0825 USD for ${thisMonth}.`);
    await page.reload();
    await expect(page.getByTestId('fx-missing')).toHaveCount(0);
    await expect(page.getByTestId('fx-rates')).toContainText('1 EUR = 1.0825 USD');
    await page.screenshot({ path: 'test-results/admin-usage-rates.png', fullPage: true });

    await page.goto('/dashboard');
    await page.getByTestId('section-telemetry').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('telemetry-by-team-row').filter({ hasText: 'Legal & Compliance' }).getByTestId('unconverted')).toHaveCount(0);
  });
});
