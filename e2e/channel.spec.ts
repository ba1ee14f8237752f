import { expect, storageFor, test, unique } from './fixtures';


test.describe('privacy by channel (issue 23 §4)', () => {
  test.use({ storageState: storageFor('lead') });

  test('a lead who uses Grok’s free consumer app with confidential data sees a privacy flag; through the API there is none', async ({ page }) => {
    const title = unique('Contracts in Grok');
    await page.goto('/experiments/new');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Data sensitivity', { exact: true }).selectOption('confidential');
    await page.getByLabel('Used Grok 4', { exact: true }).check();
    await page.getByLabel('Primary: Grok 4', { exact: true }).check();
    const channel = page.getByLabel('Access channel: Grok 4', { exact: true });
    // The API is the default (what every link was before channels); the choice is a native select, so the keyboard reaches it.
    await expect(channel).toHaveValue('api');
    await channel.focus();
    await expect(channel).toBeFocused();
    await channel.selectOption({ label: 'Consumer app (free)' });
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);

    const flag = page.getByTestId('privacy-flag');
    await expect(flag).toContainText('Grok 4 through Consumer app (free): the provider trains on user data by default.');
    const row = page.getByTestId('model-used').filter({ hasText: 'Grok 4' });
    await expect(row).toContainText('Consumer app (free)');
    await expect(row).toContainText('Yes, by default');
    await page.getByTestId('privacy-flag').screenshot({ path: 'test-results/privacy-flag-channel.png' });

    // The same link through xAI's API (which does not train on API data): no flag.
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Access channel: Grok 4', { exact: true }).selectOption('api');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);
    await expect(page.getByTestId('model-used').filter({ hasText: 'Grok 4' })).toContainText('API');
    await expect(page.getByTestId('privacy-flag')).toHaveCount(0);
  });
});

test.describe('the catalog shows the policy per channel', () => {
  test.use({ storageState: storageFor('executive') });

  test('Grok 4’s page: the API does not train, the consumer app does, each with its source', async ({ page }) => {
    await page.goto('/models/grok-4');
    await expect(page.getByTestId('channel-policy-api')).toContainText('No');
    await expect(page.getByTestId('channel-policy-consumer_free')).toContainText('Yes, by default');
    await expect(page.getByTestId('channel-policy-consumer_free')).toContainText('opt out in settings');
    await expect(page.getByTestId('channel-policy-enterprise')).toContainText('No');
    await expect(page.getByTestId('channel-policy-self_hosted')).toContainText('Your own copy sends the vendor nothing.');
    await page.getByTestId('channel-policy-api').locator('xpath=ancestor::table').screenshot({ path: 'test-results/channel-policies.png' });
  });
});
