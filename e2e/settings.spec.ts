import { expect, storageFor, test } from './fixtures';
import { fiscalYearLabel, quarterLabel, quarterOf } from '../lib/metrics/quarter';
import { todayIn } from '../lib/metrics/today';
import type { Page } from '@playwright/test';

// Issue 23 §5: the currency, fiscal year start and time zone set on the Admin page reach the dashboard and the list.
test.describe('organisation settings honoured everywhere', () => {
  test.use({ storageState: storageFor('admin') });
  test.describe.configure({ mode: 'serial' });

  async function saveSettings(page: Page, s: { currency: string; timeZone: string; month: string }) {
    await page.goto('/admin');
    const form = page.getByRole('form', { name: 'Organisation settings' });
    await form.getByLabel('Currency').fill(s.currency);
    await form.getByLabel('Time zone').fill(s.timeZone);
    await form.getByLabel('Fiscal year starts in').selectOption(s.month);
    await form.getByRole('button', { name: 'Save settings' }).click();
    await expect(form.getByRole('status')).toHaveText('Settings saved.');
  }

  test('EUR and a fiscal year from April: the dashboard shows € and fiscal quarters, the list €', async ({ page }) => {
    await saveSettings(page, { currency: 'EUR', timeZone: 'Asia/Seoul', month: '4' });
    try {
      const today = todayIn('Asia/Seoul');
      await page.goto('/dashboard?period=quarter');
      await expect(page.getByTestId('period-name')).toHaveText(`${quarterLabel(quarterOf(today, 4), 4)} to date · `);
      await expect(page.getByTestId('kpi-spend')).toContainText('€');
      await expect(page.getByTestId('kpi-spend')).not.toContainText('$');
      await expect(page.getByTestId('section-efficiency')).toContainText('EUR / month');
      await expect(page.getByTestId('section-teams')).toContainText('€');
      await page.screenshot({ path: 'test-results/settings-dashboard-eur-fy-april.png', fullPage: false });

      await page.goto('/dashboard?period=year');
      await expect(page.getByTestId('period-name')).toHaveText(`${fiscalYearLabel(today, 4)} to date · `);
      // The fiscal year to date starts on 1 April and is compared with the same stretch a year before.
      await expect(page.getByTestId('period-summary')).toContainText(/^FY\d{4}\/\d{2} to date · 1 Apr \d{4} – .* · compared with 1 Apr \d{4} – /);

      await page.goto('/experiments');
      await expect(page.getByTestId('list-sum-spend')).toContainText('€');
    } finally {
      await saveSettings(page, { currency: 'USD', timeZone: 'UTC', month: '1' });
    }
    await page.goto('/dashboard?period=quarter');
    await expect(page.getByTestId('period-name')).toHaveText(`${quarterOf(todayIn('UTC'))} to date · `);
    await expect(page.getByTestId('kpi-spend')).toContainText('$');
  });
});
