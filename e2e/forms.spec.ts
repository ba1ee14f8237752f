import { expect, storageFor, test, unique } from './fixtures';

// Nothing typed is lost: leaving a half-filled form asks, over-long text is refused with a
// message instead of being cut, a refused submit shows every error at once and focuses the first.


test.use({ storageState: storageFor('lead') });

test('leaving a half-filled new experiment asks first; staying keeps what was typed', async ({ page }) => {
  await page.goto('/experiments/new');
  await page.getByLabel('Title', { exact: true }).fill('Half-typed idea');
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Experiments', exact: true }).click();
  await expect.poll(() => asked).toEqual(['Leave this page? What you typed in the form has not been saved.']);
  await expect(page).toHaveURL(/\/experiments\/new$/);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Half-typed idea');

  page.once('dialog', (d) => void d.accept());
  await page.getByRole('navigation').getByRole('link', { name: 'Experiments', exact: true }).click();
  await expect(page).toHaveURL(/\/experiments$/);
});

test('an untouched form leaves without asking', async ({ page }) => {
  let asked = false;
  page.on('dialog', (d) => {
    asked = true;
    void d.dismiss();
  });
  await page.goto('/experiments/new');
  await page.getByRole('navigation').getByRole('link', { name: 'Experiments', exact: true }).click();
  await expect(page).toHaveURL(/\/experiments$/);
  expect(asked).toBe(false);
});

test('a pasted 220-character title is counted, refused with a message and kept whole', async ({ page }) => {
  const long = `${unique('Long')} ${'x'.repeat(220)}`.slice(0, 220);
  await page.goto('/experiments/new');
  await page.getByLabel('Title', { exact: true }).fill(long);
  await expect(page.getByTestId('title-count')).toHaveText('220 / 200 characters — 20 too many');
  await page.getByRole('button', { name: 'Create experiment' }).click();
  await expect(page.locator('#title-error')).toHaveText('Title must be at most 200 characters.');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(long);
  await expect(page).toHaveURL(/\/experiments\/new$/);
});

test('a refused submit shows every error at once and focuses the first', async ({ page }) => {
  await page.goto('/experiments/new');
  await page.getByLabel('Start date', { exact: true }).fill('2026-03-01');
  await page.getByLabel('End date', { exact: true }).fill('2026-02-01');
  await page.getByLabel('Hours per task before AI').fill('abc');
  await page.getByRole('button', { name: 'Create experiment' }).click();
  await expect(page.locator('#title-error')).toHaveText('Title is required.');
  await expect(page.locator('#endDate-error')).toHaveText('End date is before start date.');
  await expect(page.locator('#hoursBeforePerTask-error')).toHaveText('Hours per task before AI must be a number.');
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
});

test('a check-in with only a date is refused; an outcome without text names its own field', async ({ page }) => {
  await page.goto('/experiments/new');
  await page.getByLabel('Title', { exact: true }).fill(unique('Check-in rules'));
  await page.getByRole('button', { name: 'Create experiment' }).click();
  await expect(page).toHaveURL(/\/experiments\/\d+$/);

  const checkin = page.getByRole('form', { name: 'Add a check-in' });
  await checkin.getByRole('button', { name: 'Add check-in' }).click();
  await expect(checkin.getByRole('alert')).toHaveText('Add at least one figure or a note: a check-in with only a date records nothing.');
  await expect(page.getByTestId('checkin')).toHaveCount(0);

  const outcome = page.getByRole('form', { name: 'Add a capability outcome' });
  await outcome.getByLabel('Impact (1–5)').fill('3');
  await outcome.getByRole('button', { name: 'Add outcome' }).click();
  await expect(outcome.locator('#description-error')).toHaveText('What it made possible is required.');
  await expect(outcome.getByLabel('What it made possible')).toBeFocused();
});
