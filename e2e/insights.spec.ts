import AxeBuilder from '@axe-core/playwright';
import { expect, storageFor, test } from './fixtures';

// These tests change the demo data (a re-test, a mitigation), so they run in order.
test.describe.configure({ mode: 'serial' });

const count = async (page: import('@playwright/test').Page, id: string) => Number(await page.getByTestId(id).first().textContent());

test.describe('an executive reads the insights', () => {
  test.use({ storageState: storageFor('executive') });

  test('the radar, the concentration warning and the privacy flags show non-zero counts that match the dashboard', async ({ page }) => {
    await page.goto('/insights');
    await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
    const radar = await count(page, 'radar-count');
    const privacy = await count(page, 'privacy-count');
    expect(radar).toBeGreaterThan(0);
    expect(privacy).toBeGreaterThan(0);
    await expect(page.getByTestId('radar-item')).toHaveCount(radar);
    await expect(page.getByTestId('privacy-item')).toHaveCount(privacy);
    await expect(page.getByTestId('concentration-warning')).toContainText('Concentrated');
    await expect(page.getByTestId('radar-item').first()).toContainText(/\+\d+\.\d points/);
    await expect(page.getByTestId('shift-sentence')).toContainText('This quarter');
    // Read-only: no re-test or mitigation controls for an executive.
    await expect(page.getByRole('button', { name: 'Start a re-test' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Record mitigation' })).toHaveCount(0);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

    await page.goto('/dashboard');
    await expect(page.getByTestId('insight-retest')).toHaveText(String(radar));
    await expect(page.getByTestId('insight-privacy')).toHaveText(String(privacy));
    await expect(page.getByTestId('insight-retest')).toHaveAttribute('href', '/experiments?retest=yes');
    await expect(page.getByTestId('insight-privacy')).toHaveAttribute('href', '/experiments?privacy=yes');
    await expect(page.getByTestId('dashboard-concentration-warning')).toBeVisible();
    await page.getByRole('link', { name: 'See why it matters' }).click();
    await expect(page).toHaveURL(/\/insights#concentration$/);
  });
});

test.describe('an admin starts a re-test', () => {
  test.use({ storageState: storageFor('admin') });

  test('one click creates a proposed experiment linked to the blocked one, which leaves the radar', async ({ page }) => {
    await page.goto('/insights');
    const before = await count(page, 'radar-count');
    const item = page.getByTestId('radar-item').first();
    const title = (await item.getByRole('link').first().textContent())!.trim();
    await item.getByRole('button', { name: 'Start a re-test' }).first().click();
    await expect(page.getByTestId('retests')).toContainText(`Re-test: ${title}`);
    await expect(page.getByTestId('radar-count')).toHaveText(String(before - 1));
    await expect(page.getByTestId('radar-item').filter({ hasText: title })).toHaveCount(0);
    await expect(page.getByTestId('retests').getByRole('link', { name: new RegExp(`#\\d+ ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeVisible();
  });
});

test.describe('a lead records a privacy mitigation', () => {
  test.use({ storageState: storageFor('lead') });

  test('sees their own teams first, can widen to the organisation, and the flag disappears once mitigated', async ({ page }) => {
    await page.goto('/insights');
    await expect(page.getByText('For your teams')).toBeVisible();
    const mine = await count(page, 'privacy-count');
    expect(mine).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Show the whole organisation' }).click();
    await expect(page.getByText('For the whole organisation')).toBeVisible();
    const org = await count(page, 'privacy-count');
    expect(org).toBeGreaterThan(mine);
    // Only the lead's own teams' flags can be mitigated by them.
    await expect(page.getByRole('button', { name: 'Record mitigation' })).toHaveCount(mine);

    await page.getByRole('link', { name: 'Show my teams only' }).click();
    const flagged = page.getByTestId('privacy-item').first();
    const title = (await flagged.getByRole('link').first().textContent())!.trim();
    await flagged.getByRole('textbox').fill('no');
    await flagged.getByRole('button', { name: 'Record mitigation' }).click();
    await expect(flagged.getByRole('alert')).toContainText('Say in a few words');

    await flagged.getByRole('textbox').fill('Enterprise agreement with training opt-out');
    await flagged.getByRole('button', { name: 'Record mitigation' }).click();
    await expect(page.getByTestId('privacy-count')).toHaveText(String(mine - 1));
    await expect(page.getByTestId('privacy-item').filter({ hasText: title })).toHaveCount(0);
    await expect(page.getByTestId('mitigated')).toContainText('Enterprise agreement with training opt-out');
  });
});
