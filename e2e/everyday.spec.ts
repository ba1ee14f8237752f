import type { Browser, Page } from '@playwright/test';
import { expect, storageFor, test, unique } from './fixtures';

// Issue 23 §1–§3: correcting an outcome, participants who record, explorations, techniques and the Playbook.
const shots = process.env.E2E_SCREENSHOTS;

async function newExperiment(page: Page, title: string, fill: (page: Page) => Promise<void> = async () => {}) {
  await page.goto('/experiments/new');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await fill(page);
  await page.getByRole('button', { name: 'Create experiment' }).click();
  await expect(page).toHaveURL(/\/experiments\/\d+$/);
  return page.url();
}

async function addOutcome(page: Page, description: string, impact: string) {
  const form = page.getByRole('form', { name: 'Add a capability outcome' });
  await form.getByLabel('Outcome type').selectOption({ label: 'Insight' });
  await form.getByLabel('Impact (1–5)').fill(impact);
  await form.getByLabel('What it made possible').fill(description);
  await form.getByRole('button', { name: 'Add outcome' }).click();
  await expect(page.getByTestId('outcome').filter({ hasText: description })).toBeVisible();
}

/** Sets the admin page's "participants record" of Customer Support to `on` (whatever it was). */
async function setSupportRecording(browser: Browser, on: boolean) {
  const ctx = await browser.newContext({ storageState: storageFor('admin') });
  const page = await ctx.newPage();
  await page.goto('/admin');
  const row = page.getByRole('row').filter({ has: page.getByTestId('team-recording') }).filter({ has: page.getByRole('cell', { name: 'Customer Support', exact: true }) });
  const state = row.getByTestId('team-recording');
  if ((await state.textContent()) !== (on ? 'Yes' : 'No')) {
    await row.getByRole('button', { name: `${on ? 'Let' : 'Stop'} the participants of Customer Support record` }).click();
    await expect(state).toHaveText(on ? 'Yes' : 'No');
  }
  await ctx.close();
}

test.describe('a team lead corrects an outcome', () => {
  test.use({ storageState: storageFor('lead') });

  test('edits an outcome in its dialog: the form starts from the stored values and the card shows the correction', async ({ page }) => {
    await newExperiment(page, unique('Outcome typo'));
    await addOutcome(page, 'Spotted the churn signal a week erly', '2');
    await page.getByRole('button', { name: /^Edit outcome \d+$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit capability outcome' });
    const edit = dialog.getByRole('form', { name: 'Edit this capability outcome' });
    await expect(edit.getByLabel('What it made possible')).toHaveValue('Spotted the churn signal a week erly');
    await expect(edit.getByLabel('Impact (1–5)')).toHaveValue('2');
    await edit.getByLabel('What it made possible').fill('Spotted the churn signal a week early');
    await edit.getByLabel('Impact (1–5)').fill('4');
    await edit.getByRole('button', { name: 'Save outcome' }).click();
    await expect(dialog).toBeHidden();
    const card = page.getByTestId('outcome');
    await expect(card).toHaveCount(1);
    await expect(card).toContainText('Spotted the churn signal a week early');
    await expect(card).toContainText('Impact 4/5');
    await expect(page.getByTestId('history')).toContainText('corrected a capability outcome');
  });
});

test.describe('the people who ran an experiment record its results', () => {
  test('with the team’s setting on, a listed executive adds a check-in; with it off, the form is gone', async ({ browser }) => {
    const lead = await browser.newContext({ storageState: storageFor('lead') });
    const leadPage = await lead.newPage();
    const url = await newExperiment(leadPage, unique('Field trial'), async (p) => {
      await p.getByLabel('Participants').fill('Somebody Else\nexec@uplift.demo');
    });
    await lead.close();

    await setSupportRecording(browser, true);
    try {
      const exec = await browser.newContext({ storageState: storageFor('executive') });
      const page = await exec.newPage();
      await page.goto(url);
      const add = page.getByRole('form', { name: 'Add a check-in' });
      await add.getByLabel('Check-in date').fill('2026-02-01');
      await add.getByLabel('Hours per task before').fill('2');
      await add.getByLabel('Hours per task with AI').fill('1');
      await add.getByLabel('Tasks per month').fill('10');
      await add.getByRole('button', { name: 'Add check-in' }).click();
      await expect(page.getByTestId('checkin').filter({ hasText: '2026-02-01' })).toBeVisible();
      await expect(page.getByTestId('hours-saved')).toHaveText('10');
      // Adding only: correcting, removing, editing the experiment stay with the team's leads.
      await expect(page.getByRole('button', { name: /^Edit the check-in/ })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
      await expect(page.getByRole('form', { name: 'Add a capability outcome' })).toBeVisible();

      await setSupportRecording(browser, false);
      await page.reload();
      await expect(page.getByRole('form', { name: 'Add a check-in' })).toHaveCount(0);
      await expect(page.getByRole('form', { name: 'Add a capability outcome' })).toHaveCount(0);
      await exec.close();
    } finally {
      await setSupportRecording(browser, false);
    }
  });
});

test.describe('explorations and the playbook', () => {
  test.use({ storageState: storageFor('lead') });

  test('an exploration has no target metric and graduates to a measured experiment, keeping its history', async ({ page }) => {
    await newExperiment(page, unique('Wander the support logs'), async (p) => {
      await p.getByRole('textbox', { name: 'Target metric' }).fill('will be cleared');
      await p.getByRole('checkbox', { name: /^Exploration/ }).check();
      await expect(p.getByRole('textbox', { name: 'Target metric' })).toHaveCount(0);
    });
    await expect(page.getByText('Exploration', { exact: true })).toBeVisible();
    await expect(page.getByTestId('fact-target-metric')).toHaveText('None: an open-ended exploration');
    const graduate = page.getByRole('form', { name: 'Graduate this exploration' });
    await graduate.getByRole('button', { name: 'Graduate' }).click();
    await expect(graduate.getByRole('alert')).toHaveText('Name the target metric it will be measured on (up to 300 characters).');
    await graduate.getByLabel('Target metric').fill('Hours per escalation');
    await graduate.getByRole('button', { name: 'Graduate' }).click();
    await expect(page.getByTestId('fact-target-metric')).toHaveText('Hours per escalation');
    await expect(page.getByRole('form', { name: 'Graduate this exploration' })).toHaveCount(0);
    const history = page.getByTestId('history');
    await expect(history).toContainText('graduated the exploration to a measured experiment');
    await expect(history).toContainText('created the experiment');
  });

  test('a technique with its prompt shows on the Playbook, found by a word of its prompt', async ({ page }) => {
    const title = unique('Triage with a rubric');
    const marker = unique('rubricword').replace(' ', '');
    await newExperiment(page, title);
    await addOutcome(page, 'Triage agreed with seniors 9 times in 10', '4');
    const form = page.getByRole('form', { name: 'Add a technique' });
    await form.getByLabel('Kind').selectOption({ label: 'Prompt pattern' });
    await form.getByLabel('Led to outcome').selectOption({ index: 1 });
    await form.getByLabel('Technique').fill('Score against a rubric before answering');
    await form.getByLabel('How to use it').fill('Paste the rubric first; ask for a score per criterion, then the reply.');
    await form.getByLabel('Prompt (optional)').fill(`You are a support lead. Score this ticket against the rubric (${marker}):\n{rubric}\n\nTicket:\n{ticket}`);
    await form.getByRole('button', { name: 'Add technique' }).click();
    await expect(page.getByTestId('technique')).toContainText('Score against a rubric before answering');
    await expect(page.getByTestId('technique-prompt')).toContainText(marker);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbook' }).click();
    await expect(page.getByRole('heading', { name: 'Playbook', level: 1 })).toBeVisible();
    await page.getByRole('searchbox', { name: 'Search' }).fill(marker);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${marker}`));
    const item = page.getByTestId('playbook-item');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Score against a rubric before answering');
    await expect(item.getByTestId('playbook-outcome')).toContainText('Triage agreed with seniors 9 times in 10');
    await expect(item.getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByTestId('playbook-count')).toHaveText('1 technique · page 1 of 1');
    if (shots) {
      await page.screenshot({ path: `${shots}/playbook-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/playbook-phone.png`, fullPage: true });
      await page.setViewportSize({ width: 1366, height: 900 });
    }

    // The experiment list's search reads the techniques too.
    await page.goto(`/experiments?q=${marker}`);
    await expect(page.getByTestId('result-count')).toHaveText('1 experiment · page 1 of 1');

    await page.goto('/playbook?q=no-such-technique-anywhere');
    await expect(page.getByText('No technique matches this search')).toBeVisible();
  });
});
