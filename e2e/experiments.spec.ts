import type { Browser, Page } from '@playwright/test';
import fs from 'node:fs';
import { expect, storageFor, test, unique } from './fixtures';


async function createQuick(page: Page, title: string): Promise<string> {
  await page.goto('/experiments/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByRole('button', { name: 'Create experiment' }).click();
  await expect(page).toHaveURL(/\/experiments\/\d+$/);
  return new URL(page.url()).pathname;
}

async function addOutcome(page: Page, type: string, description: string, impact: string) {
  const form = page.getByRole('form', { name: 'Add a capability outcome' });
  await form.getByLabel('Outcome type').selectOption({ label: type });
  await form.getByLabel('Impact (1–5)').fill(impact);
  await form.getByLabel('What it made possible').fill(description);
  await form.getByRole('button', { name: 'Add outcome' }).click();
  await expect(page.getByTestId('outcome').filter({ hasText: description })).toBeVisible();
}

test.describe('a team lead logs an experiment', () => {
  test.use({ storageState: storageFor('lead') });

  test('creates it with two models and two outcomes, edits it, adds a check-in, and finds it through a shared link', async ({ page, browser }) => {
    const title = unique('Summarise escalations');
    await page.goto('/experiments/new');
    // Quick capture: a missing title is explained next to the field, the rest stays typed.
    await page.getByLabel('Hours per task before AI').fill('2');
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page.locator('#title-error')).toHaveText('Title is required.');
    await expect(page.getByLabel('Hours per task before AI')).toHaveValue('2');

    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Used GPT-4o', { exact: true }).check();
    await page.getByLabel('Used Claude 3.5 Sonnet', { exact: true }).check();
    await page.getByLabel('Primary: Claude 3.5 Sonnet', { exact: true }).check();
    await page.getByLabel('Hours per task with AI').fill('0.5');
    await page.getByLabel('Tasks per month').fill('40');
    await expect(page.getByTestId('hours-saved-preview')).toContainText('60');
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);
    const path = new URL(page.url()).pathname;
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByTestId('model-used')).toHaveCount(2);
    await expect(page.getByTestId('model-used').filter({ hasText: 'Claude 3.5 Sonnet' })).toContainText('primary');
    await expect(page.getByTestId('hours-saved')).toHaveText('60');
    // Time figures but no capability outcome: the page asks what became possible.
    await expect(page.getByTestId('outcome-nudge')).toContainText('not possible before');

    await addOutcome(page, 'Insight', 'Spotted a recurring billing bug from 300 escalations', '4');
    await addOutcome(page, 'Synthesis', 'One weekly brief replaces five team reports', '5');
    await expect(page.getByTestId('outcome')).toHaveCount(2);

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByLabel('Status').selectOption('running');
    await page.getByLabel('Start date').fill('2026-01-05');
    await page.getByLabel('Description').fill('<b>Escalations</b> summarised daily');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByText('<b>Escalations</b> summarised daily', { exact: true })).toBeVisible(); // shown as text, never run
    await expect(page.getByTestId('history')).toContainText('Status: Proposed → Running');
    await expect(page.getByTestId('history')).toContainText('Start date: — → 2026-01-05');

    const checkin = page.getByRole('form', { name: 'Add a check-in' });
    await checkin.getByLabel('Check-in date').fill('2026-02-01');
    await checkin.getByLabel('Hours per task before').fill('2');
    await checkin.getByLabel('Hours per task with AI').fill('0.4');
    await checkin.getByLabel('Tasks per month').fill('50');
    await checkin.getByLabel('Note').fill('Prompt library helped');
    await checkin.getByRole('button', { name: 'Add check-in' }).click();
    await expect(page.getByTestId('checkin').filter({ hasText: 'Prompt library helped' })).toContainText('80');

    // A colleague opens the link someone shared: same filtered view.
    const link = `/experiments?q=${encodeURIComponent(title)}&status=running&hasOutcomes=yes&minImpact=5&model=claude-3.5-sonnet`;
    const other = await browser.newContext({ storageState: storageFor('executive') });
    const exec = await other.newPage();
    await exec.goto(link);
    await expect(exec.getByTestId('result-count')).toContainText('1 experiment');
    await expect(exec.getByTestId('experiments-table').getByRole('link', { name: title })).toBeVisible();
    await exec.goto(`/experiments?q=${encodeURIComponent(title)}&status=completed`);
    await expect(exec.getByText('No experiment matches these filters')).toBeVisible();
    await other.close();
  });

  test('quick capture leaves work type, mindset and data sensitivity "not set", and the history reads labels and units', async ({ page }) => {
    const title = unique('Quick not set');
    const path = await createQuick(page, title);
    await expect(page.getByTestId('fact-work-type')).toHaveText('Not set');
    await expect(page.getByTestId('fact-mindset')).toHaveText('Not set');
    await expect(page.getByTestId('fact-sensitivity')).toHaveText('Not set');
    // The list says so too, and "Not set" is a filter of its own.
    await page.goto(`/experiments?q=${encodeURIComponent(title)}&mindset=not_set&workType=not_set`);
    const row = page.getByTestId('experiments-table').getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('Not set');
    await expect(page.getByTestId('result-count')).toContainText('1 experiment');

    // The edit form opens with nothing chosen; choosing records the choice, and the history says it in words.
    await page.goto(`${path}/edit`);
    await expect(page.getByLabel('Work type')).toHaveValue('');
    await expect(page.getByRole('radio', { name: /^Not set/ })).toBeChecked();
    await page.getByRole('radio', { name: /^Create a new capability/ }).check();
    await page.getByLabel('Work type').selectOption({ label: 'Analysis' });
    await page.getByLabel('AI spend per month (USD)').fill('1250');
    await page.getByLabel('Used GPT-4o', { exact: true }).check();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByTestId('fact-mindset')).toHaveText('Create a new capability');
    await expect(page.getByTestId('fact-sensitivity')).toHaveText('Not set');
    const history = page.getByTestId('history');
    await expect(history).toContainText('Mindset: Not set → New capability');
    await expect(history).toContainText('Work type: Not set → Analysis');
    await expect(history).toContainText('AI spend per month: — → $1,250');
    await expect(history).toContainText('Models: — → GPT-4o (primary)');
    await expect(history).not.toContainText('spendMonthlyCents');
    await expect(history).not.toContainText('["');
  });

  test('a stale copy saved from a second window gets the conflict message and overwrites nothing', async ({ page, browser }) => {
    const path = await createQuick(page, unique('Conflict check'));
    const second = await browser.newContext({ storageState: storageFor('lead') });
    const stale = await second.newPage();
    await stale.goto(`${path}/edit`);
    await page.goto(`${path}/edit`);

    await page.getByLabel('Description').fill('Saved first');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));

    await stale.getByLabel('Description').fill('Stale copy');
    await stale.getByRole('button', { name: 'Save' }).click();
    await expect(stale.getByTestId('form-error')).toContainText('Someone else saved this experiment');
    await expect(stale.getByLabel('Description')).toHaveValue('Stale copy'); // what they typed stays, to reapply

    await page.reload();
    await expect(page.getByText('Saved first', { exact: true })).toBeVisible();
    await expect(page.getByText('Stale copy')).toHaveCount(0);
    await second.close();
  });

  test('archives with confirmation and restores', async ({ page }) => {
    const title = unique('Archive me');
    const path = await createQuick(page, title);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Archive' }).click();
    await expect(page.getByText('Archived', { exact: true }).first()).toBeVisible();
    await page.goto(`/experiments?q=${encodeURIComponent(title)}`);
    await expect(page.getByText('No experiment matches these filters')).toBeVisible();
    await page.goto(path);
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('link', { name: 'Edit' })).toBeVisible();
    await expect(page.getByTestId('history')).toContainText('archived');
  });

  test('imports experiments from a CSV file after a preview', async ({ page }, testInfo) => {
    const title = unique('Imported');
    const file = testInfo.outputPath('import.csv');
    // Models by the name the catalog shows, a coded column by its label.
    fs.writeFileSync(file, `title,team,models,status,mindset\n${title},Customer Support,GPT-4o,running,Create a new capability\n`);
    await page.goto('/experiments/import');
    await expect(page.getByTestId('import-column-mindset')).toContainText('new_capability — Create a new capability');
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('import-summary')).toContainText('1 row(s) will be created, 0 rejected');
    await expect(page.getByTestId('import-becomes')).toHaveText('Customer Support · Running · Work type not set · New capability · GPT-4o (primary) · Data sensitivity not set');
    await page.getByRole('button', { name: 'Import 1 experiment' }).click();
    await expect(page.getByRole('status')).toContainText('Imported 1 experiment');
    await page.goto(`/experiments?q=${encodeURIComponent(title)}`);
    await expect(page.getByTestId('experiments-table').getByRole('link', { name: title })).toBeVisible();
  });
});

async function executiveCookies(browser: Browser) {
  const ctx = await browser.newContext({ storageState: storageFor('executive') });
  const cookies = await ctx.cookies();
  await ctx.close();
  return cookies;
}

test.describe('an executive reads but changes nothing', () => {
  test.use({ storageState: storageFor('lead') });

  test('sees no edit controls, cannot open the forms, and a crafted save from their session is refused', async ({ page, browser }) => {
    const title = unique('Read only for execs');
    const path = await createQuick(page, title);

    const execCtx = await browser.newContext({ storageState: storageFor('executive') });
    const exec = await execCtx.newPage();
    await exec.goto(path);
    await expect(exec.getByRole('heading', { name: title })).toBeVisible();
    await expect(exec.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(exec.getByRole('button', { name: 'Archive' })).toHaveCount(0);
    await expect(exec.getByRole('form', { name: 'Add a capability outcome' })).toHaveCount(0);
    await exec.goto('/experiments/new');
    await expect(exec.getByText('You do not have access to this page')).toBeVisible();
    await exec.goto(`${path}/edit`);
    await expect(exec.getByText('You do not have access to this page')).toBeVisible();
    await execCtx.close();

    // The lead's edit form, submitted with the executive's session cookie: the server refuses it.
    const crafted = await browser.newContext({ storageState: storageFor('lead') });
    const form = await crafted.newPage();
    await form.goto(`${path}/edit`);
    await form.getByLabel('Title', { exact: true }).fill('Changed by an executive');
    await crafted.clearCookies();
    await crafted.addCookies(await executiveCookies(browser));
    const response = form.waitForResponse((r) => r.request().method() === 'POST');
    await form.getByRole('button', { name: 'Save' }).click();
    expect((await response).status()).toBe(403);
    await crafted.close();

    await page.goto(path);
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
    await expect(page.getByTestId('history')).not.toContainText('Changed by an executive');
  });
});
