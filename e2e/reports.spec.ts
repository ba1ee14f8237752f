import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { Download, Page } from '@playwright/test';
import { extractPdfText } from '../lib/export/pdf/extract-text';
import { resolvePeriod } from '../lib/metrics/period';
import { expect, storageFor, test } from './fixtures';

type Row = Record<string, string>;

async function download(page: Page, group: string, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file]: [Download, void] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: 'Export' }).filter({ hasText: group }).getByRole('button', { name: button, exact: true }).click(),
  ]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: fs.readFileSync(path!) };
}

function parseCsv(bytes: Buffer): Row[] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Row>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const today = () => new Date().toISOString().slice(0, 10);
const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * 86_400_000).toISOString().slice(0, 10);

test.describe('an executive exports what the filters select', () => {
  test.use({ storageState: storageFor('executive') });

  test('the experiment list exports what it shows', async ({ page }) => {
    await page.goto('/experiments?status=completed');
    const shown = Number(/^[\d,]+/.exec((await page.getByTestId('result-count').textContent())!)![0].replace(/,/g, ''));
    expect(shown).toBeGreaterThan(0);
    const rows = parseCsv((await download(page, 'CSV', 'CSV')).bytes);
    expect(rows.length).toBe(shown);
    expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(['Completed']));
  });

  test('CSV, Excel and PDF hold exactly the filtered experiments', async ({ page }) => {
    await page.goto('/reports');
    const filters = page.getByRole('form', { name: 'Report filters' });
    await filters.getByLabel('Mindset').selectOption('new_capability');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/mindset=new_capability/);
    const shown = Number((await page.getByTestId('export-count').locator('strong').first().textContent())!.replace(/,/g, ''));
    expect(shown).toBeGreaterThan(0);

    // CSV: every row has the mindset (its label, and its code in its own column), and it is exactly the unfiltered export narrowed by hand.
    const csv = await download(page, 'CSV', 'CSV');
    expect(csv.name).toMatch(/^uplift-experiments-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(csv.bytes);
    expect(rows.length).toBe(shown);
    expect(new Set(rows.map((r) => r.Mindset))).toEqual(new Set(['New capability']));
    expect(new Set(rows.map((r) => r['Mindset code']))).toEqual(new Set(['new_capability']));
    const everything = parseCsv(await (await page.request.get('/api/export/experiments?format=csv')).body());
    expect(rows.map((r) => r.ID).sort()).toEqual(everything.filter((r) => r['Mindset code'] === 'new_capability').map((r) => r.ID).sort());
    await expect(page.getByText(/Downloaded uplift-experiments-/)).toBeVisible();

    // Excel: the same experiments on the Experiments sheet, and a Summary sheet.
    const xlsx = await download(page, 'Excel', 'Excel');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Summary', 'Experiments', 'Outcomes', 'Check-ins', 'Usage']);
    const sheet = workbook.getWorksheet('Experiments')!;
    const ids: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(1).value));
    });
    expect(ids.sort()).toEqual(rows.map((r) => r.ID).sort());

    // PDF: the headline count of experiments active in the default period, and the top story's experiment.
    const pdf = await download(page, 'PDF report', 'PDF report');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf.bytes);
    const to = today();
    const from = daysBefore(to, 89);
    const active = rows.filter((r) => r['Status code'] !== 'proposed' && r['Start date'] && r['Start date'] <= to && (r['End date'] || to) >= from);
    expect(rows.filter((r) => r['Active in the period'] === 'yes').length).toBe(active.length);
    expect(text).toContain(`Period: ${from} to ${to}`);
    expect(text).toContain('ACTIVE EXPERIMENTS');
    expect(text.split('\n')[text.split('\n').indexOf('ACTIVE EXPERIMENTS') + 1]).toBe(active.length.toLocaleString('en-US'));
    const outcomes = parseCsv(await (await page.request.get('/api/export/experiments?format=csv&dataset=outcomes&mindset=new_capability')).body())
      .filter((o) => o['Recorded on'] >= from && o['Recorded on'] <= to)
      .sort((a, b) => Number(b['Impact (1–5)']) - Number(a['Impact (1–5)']) || b['Recorded on'].localeCompare(a['Recorded on']) || Number(b['Outcome ID']) - Number(a['Outcome ID']));
    expect(outcomes.length).toBeGreaterThan(0);
    expect(text).toContain(outcomes[0].Experiment.replace(/—/g, '\u0097'));
  });

  test('the Reports page shows the dashboard cards\' figures for the same filters', async ({ page }) => {
    // The last 12 months, two teams, one work type: the dashboard's own link and the Reports page's filters.
    await page.goto('/dashboard?period=12m&team=1,2&workType=analysis');
    const cards: Record<string, string> = {};
    for (const id of ['outcomes', 'augmentation', 'evidence', 'active', 'teams', 'completed', 'hours', 'spend']) cards[id] = (await page.getByTestId(`kpi-${id}`).textContent())!.trim();
    expect(Number(cards.active.replace(/,/g, ''))).toBeGreaterThan(0);
    const { from, to } = resolvePeriod('12m', today());
    await page.goto(`/reports?team=1,2&workType=analysis&from=${from}&to=${to}`);
    for (const [id, value] of Object.entries(cards)) await expect(page.getByTestId(`report-figure-${id}`)).toHaveText(value);
  });

  test('the export API refuses a signed-out caller and never caches', async ({ page, browser, baseURL }) => {
    const res = await page.request.get('/api/export/experiments?format=csv');
    expect(res.headers()['cache-control']).toBe('no-store');
    expect(res.headers()['content-disposition']).toMatch(/attachment; filename="uplift-experiments-/);
    const anonymous = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.request.get('/api/export/experiments?format=csv')).status()).toBe(401);
    expect((await anonymous.request.get('/api/reports/executive?format=pdf')).status()).toBe(401);
    await anonymous.close();
  });
});

test.describe('a team lead', () => {
  test.use({ storageState: storageFor('lead') });

  test("exports only their own team's experiments", async ({ page }) => {
    await page.goto('/reports');
    await expect(page.getByText('your exports hold your own teams')).toBeVisible();
    const rows = parseCsv((await download(page, 'CSV', 'CSV')).bytes);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.Team))).toEqual(new Set(['Customer Support']));
    // Asking for every team by URL changes nothing.
    const all = parseCsv(await (await page.request.get('/api/export/experiments?format=csv&team=1,2,3,4,5,6,7')).body());
    expect(new Set(all.map((r) => r.Team))).toEqual(new Set(['Customer Support']));
  });
});
