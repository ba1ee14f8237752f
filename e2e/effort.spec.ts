import { expect, storageFor, test, unique } from './fixtures';


test.describe('reasoning effort and cost per task', () => {
  test.use({ storageState: storageFor('lead') });

  test('the picker offers each model its own efforts, the server refuses one it lacks, and a check-in’s usage shows as cost per task', async ({ page }) => {
    const title = unique('Effort picker');
    await page.goto('/experiments/new');
    // A model that does not reason offers no reasoning only; GPT-5 its catalog efforts, vendor default first.
    const gpt4o = page.getByLabel('Reasoning effort: GPT-4o', { exact: true });
    await expect(gpt4o.locator('option')).toHaveText(['no reasoning']);
    const gpt5 = page.getByLabel('Reasoning effort: GPT-5', { exact: true });
    await expect(gpt5.locator('option')).toHaveText(['vendor default', 'minimal', 'low', 'medium', 'high']);

    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Used GPT-5', { exact: true }).check();
    await page.getByLabel('Primary: GPT-5', { exact: true }).check();
    // A forged effort the catalog does not list for GPT-5 is refused by the server, next to the models.
    await gpt5.evaluate((el: HTMLSelectElement) => {
      el.add(new Option('forged', 'xhigh'));
      el.value = 'xhigh';
    });
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page.locator('#efforts-error')).toHaveText('GPT-5 has no effort "xhigh" in the catalog; choose one of: default, minimal, low, medium, high.');

    await page.getByLabel('Reasoning effort: GPT-5', { exact: true }).selectOption({ label: 'high' });
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);
    await expect(page.getByTestId('model-used').filter({ hasText: 'GPT-5' })).toContainText('high');

    // Usage: 10 tasks, 0.2 M input and 1 M output tokens at GPT-5's $1.25 / $10 = $10.25, $1.025 a task.
    const form = page.getByRole('form', { name: 'Add a check-in' });
    await form.getByLabel('Tasks done').fill('10');
    await form.getByLabel('Input tokens').fill('200000');
    await form.getByLabel('Output tokens (with reasoning)').fill('1000000');
    await form.getByRole('button', { name: 'Add check-in' }).click();
    await expect(form.getByRole('status')).toBeVisible();

    await page.goto('/trends');
    const card = page.getByTestId('trend-cost-per-task');
    await card.scrollIntoViewIfNeeded();
    const row = card.getByTestId('cost-per-task-row').filter({ hasText: 'GPT-5' }).filter({ hasText: 'high' }).first();
    await expect(row).toBeVisible();
    await expect(card.getByTestId('cost-per-task-row').first()).toBeVisible();
    await card.screenshot({ path: 'test-results/trends-cost-per-task.png' });

    await page.goto('/dashboard?period=all');
    const section = page.getByTestId('section-cost-per-task');
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByTestId('cost-per-task-row').first()).toBeVisible();
    await expect(section.getByTestId('dearer-per-task').first()).toBeVisible();
    await section.screenshot({ path: 'test-results/dashboard-cost-per-task.png' });
  });
});
