import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { extractPdfText } from '../lib/export/pdf/extract-text';
import { expect, storageFor, test } from './fixtures';

// Filters people can read: every active filter is a removable chip, Apply keeps what only a
// link carried, a pending change says so, a custom period ending before it starts is refused, the teams
// menu closes like a menu, and exports write the filters in words.

test.use({ storageState: storageFor('admin') });

const count = async (page: Page) => (await page.getByTestId('result-count').textContent())!;
const teamId = async (page: Page, name: string) => (await page.locator('select[name="team"] option', { hasText: name }).first().getAttribute('value'))!;

test('a drill-down’s outcome window is a chip, survives Apply, and goes when its chip is removed', async ({ page }) => {
  await page.goto('/experiments?outcomeFrom=2025-01-01&outcomeTo=2025-12-31');
  const chip = page.getByTestId('filter-chip').filter({ hasText: 'Outcome recorded: 2025-01-01 to 2025-12-31' });
  await expect(chip).toBeVisible();
  const windowed = await count(page);

  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/outcomeFrom=2025-01-01/);
  await expect(chip).toBeVisible();
  expect(await count(page)).toBe(windowed);

  await page.getByRole('link', { name: 'Remove filter Outcome recorded: 2025-01-01 to 2025-12-31' }).click();
  await expect(page).not.toHaveURL(/outcomeFrom/);
  await expect(page.getByTestId('filter-chip')).toHaveCount(0);
});

test('two teams from a link stay selected together through Apply', async ({ page }) => {
  await page.goto('/experiments');
  const [finance, marketing] = [await teamId(page, 'Finance'), await teamId(page, 'Marketing')];
  await page.goto(`/experiments?team=${finance},${marketing}`);
  await expect(page.locator('select[name="team"] option:checked')).toHaveText('Finance, Marketing');
  const both = await count(page);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`team=${finance}(%2C|,)${marketing}`));
  expect(await count(page)).toBe(both);
  await expect(page.getByTestId('filter-chip')).toHaveText(['Teams: Finance, Marketing×']);
});

test('a changed select that has not been applied says so', async ({ page }) => {
  await page.goto('/experiments');
  await expect(page.getByTestId('filters-pending')).toHaveText('');
  await page.getByLabel('Status').selectOption('running');
  await expect(page.getByTestId('filters-pending')).toHaveText('Changes not applied yet: press Apply filters.');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=running/);
  await expect(page.getByTestId('filters-pending')).toHaveText('');
  await expect(page.getByTestId('filter-chip')).toHaveText(['Status: Running×']);
});

test('a custom dashboard period ending before it starts is refused with a message', async ({ page }) => {
  await page.goto('/dashboard?period=custom&from=2026-03-01&to=2026-06-30');
  const url = page.url();
  const to = page.getByLabel('To', { exact: true });
  await to.fill('2026-02-01');
  await to.blur();
  await expect(page.getByRole('alert').filter({ hasText: '“To” (2026-02-01) is before “From” (2026-03-01)' })).toBeVisible();
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  expect(page.url()).toBe(url);
});

test('the teams menu closes on Escape and on a click outside', async ({ page }) => {
  await page.goto('/dashboard');
  const menu = page.locator('details:not(.filters-disclosure)').filter({ has: page.getByLabel('Teams', { exact: true }) });
  await page.getByLabel('Teams', { exact: true }).click();
  await expect(menu).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(menu).not.toHaveAttribute('open', '');
  await expect(page.getByLabel('Teams', { exact: true })).toBeFocused();

  await page.getByLabel('Teams', { exact: true }).click();
  await expect(menu).toHaveAttribute('open', '');
  await page.getByRole('heading', { level: 1 }).click();
  await expect(menu).not.toHaveAttribute('open', '');
});

test('the Excel summary and the PDF cover write the filters as a reader says them', async ({ page }) => {
  await page.goto('/experiments');
  const [finance, marketing] = [await teamId(page, 'Finance'), await teamId(page, 'Marketing')];
  const query = `team=${finance},${marketing}&workType=analysis`;
  const expected = 'Teams: Finance, Marketing · Work type: Analysis';

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await (await page.request.get(`/api/export/experiments?format=xlsx&${query}`)).body()) as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.getWorksheet('Summary')!.eachRow((row) => cells.push(row.values && Array.isArray(row.values) ? row.values.slice(1).map(String).join(' | ') : ''));
  expect(cells).toContain(`Filters | ${expected}`);

  const pdf = extractPdfText(await (await page.request.get(`/api/reports/executive?${query}`)).body());
  expect(pdf.replace(/\s+/g, ' ')).toContain(`Filters: ${expected}`);
});
