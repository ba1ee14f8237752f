import { expect, storageFor, test, unique } from './fixtures';

const shots = process.env.E2E_SCREENSHOTS;

test.describe('a team lead corrects a check-in', () => {
  test.use({ storageState: storageFor('lead') });

  test('edits the latest check-in’s typo, then removes it, and the current figure follows each time', async ({ page }) => {
    await page.goto('/experiments/new');
    await page.getByLabel('Title', { exact: true }).fill(unique('Correct a typo'));
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);

    const add = page.getByRole('form', { name: 'Add a check-in' });
    for (const [date, withAi] of [['2026-02-01', '1'], ['2026-03-01', '1.5']]) {
      await add.getByLabel('Check-in date').fill(date);
      await add.getByLabel('Hours per task before').fill('2');
      await add.getByLabel('Hours per task with AI').fill(withAi);
      await add.getByLabel('Tasks per month').fill('10');
      await add.getByRole('button', { name: 'Add check-in' }).click();
      await expect(page.getByTestId('checkin').filter({ hasText: date })).toBeVisible();
    }
    const hours = page.getByTestId('hours-saved');
    await expect(hours).toHaveText('5');

    // The typo: 1.5 hours with AI instead of 0.5. Edit it in the dialog; the form starts from the stored values.
    await page.getByRole('button', { name: 'Edit the check-in of 2026-03-01' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit check-in' });
    const edit = dialog.getByRole('form', { name: 'Edit this check-in' });
    await expect(edit.getByLabel('Hours per task with AI')).toHaveValue('1.5');
    await expect(edit.getByLabel('Check-in date')).toHaveValue('2026-03-01');
    if (shots) {
      await page.screenshot({ path: `${shots}/checkin-edit-dialog-desktop.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/checkin-edit-dialog-phone.png` });
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    await edit.getByLabel('Hours per task with AI').fill('0.5');
    await edit.getByRole('button', { name: 'Save check-in' }).click();
    await expect(dialog).toBeHidden();
    await expect(hours).toHaveText('15');
    await expect(page.getByTestId('checkin').filter({ hasText: '2026-03-01' })).toContainText('15');
    if (shots) {
      await page.getByRole('heading', { name: 'Check-ins' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/checkins-card-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/checkins-card-phone.png`, fullPage: true });
      await page.setViewportSize({ width: 1366, height: 900 });
    }

    // Removing asks first; dismissing keeps the row.
    page.once('dialog', (d) => void d.dismiss());
    await page.getByRole('button', { name: 'Remove the check-in of 2026-03-01' }).click();
    await expect(page.getByTestId('checkin')).toHaveCount(2);
    page.once('dialog', (d) => {
      expect(d.message()).toContain('Remove the check-in of 2026-03-01?');
      void d.accept();
    });
    await page.getByRole('button', { name: 'Remove the check-in of 2026-03-01' }).click();
    await expect(page.getByTestId('checkin')).toHaveCount(1);
    await expect(hours).toHaveText('10');

    // Hand the experiment to another member of the team.
    const owner = page.getByRole('form', { name: 'Change the owner' });
    const options = await owner.getByLabel('New owner').locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']));
    const [value, text] = options.find(([, t]) => !t.startsWith('Lee Lead'))!;
    await owner.getByLabel('New owner').selectOption(value);
    if (shots) {
      await page.setViewportSize({ width: 390, height: 844 });
      await owner.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/owner-phone.png` });
      await page.setViewportSize({ width: 1366, height: 900 });
    }
    await owner.getByRole('button', { name: 'Change owner' }).click();
    await expect(owner.getByRole('status')).toHaveText('Owner changed.');
    await expect(page.locator('dt', { hasText: /^Owner$/ }).locator('xpath=following-sibling::dd')).toHaveText(text.split(' (')[0]);
  });
});
