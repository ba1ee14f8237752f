import { expect, storageFor, test } from './fixtures';

// A blocker's bar on the benchmark that fits the task, the warning for a blocked experiment
// without an end date, and the radar naming the benchmark and the reasoning effort a candidate needs.

test.describe('a lead records a blocker', () => {
  test.use({ storageState: storageFor('lead') });

  test('picks SWE-bench Verified for a coding task, sets a bar, and is warned while the end date is missing', async ({ page }) => {
    const title = `Blocked coding ${Date.now().toString(36)}`;
    await page.goto('/experiments/new');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByLabel('Start date').fill('2026-01-05');
    await expect(page.getByTestId('blocker-no-end-date')).toHaveCount(0);
    await page.getByLabel('The model was not capable enough').check();
    await expect(page.getByTestId('blocker-no-end-date')).toContainText('No end date');
    await page.getByLabel('What was missing').fill('Patches did not pass the project tests.');
    const benchmark = page.getByLabel('Benchmark that fits the task');
    await expect(benchmark).toHaveValue('gpqa_diamond');
    await benchmark.selectOption({ label: 'SWE-bench Verified — coding' });
    await page.getByLabel('Capability bar: SWE-bench Verified (%)').fill('120');
    await page.screenshot({ path: 'test-results/blocker-form.png', fullPage: true });
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page.locator('#blockerMinScore-error')).toHaveText('Capability bar: SWE-bench Verified is a percentage, at most 100.');
    await expect(page.getByLabel('Benchmark that fits the task')).toHaveValue('swe_bench_verified');
    // A bar no model reaches yet, so this experiment does not join the radar other specs count.
    await page.getByLabel('Capability bar: SWE-bench Verified (%)').fill('99');
    // The ECI is an index, not a percentage: the bar's label follows the benchmark.
    await page.getByLabel('Benchmark that fits the task').selectOption('eci');
    await expect(page.getByLabel('Capability bar: Epoch Capabilities Index (ECI) (index points)')).toHaveValue('99');
    await page.getByLabel('Benchmark that fits the task').selectOption('swe_bench_verified');
    await page.getByLabel('End date', { exact: true }).fill('2026-02-20');
    await expect(page.getByTestId('blocker-no-end-date')).toHaveCount(0);
    await page.getByRole('button', { name: 'Create experiment' }).click();
    await expect(page).toHaveURL(/\/experiments\/\d+$/);
    const detail = new URL(page.url()).pathname;
    // No measured model reaches 99%, but newer models have no SWE-bench score yet: the radar names them for a re-test by hand.
    await page.goto('/insights');
    const waiting = page.getByTestId('radar-awaiting-item').filter({ hasText: title });
    await expect(waiting).toContainText('not yet measured on SWE-bench Verified:');
    await expect(page.getByTestId('radar-item').filter({ hasText: title })).toHaveCount(0);
    await page.getByTestId('radar-awaiting').screenshot({ path: 'test-results/radar-awaiting.png' });
    await page.goto(`${detail}/edit`);
    await expect(page.getByLabel('Benchmark that fits the task')).toHaveValue('swe_bench_verified');
    await expect(page.getByLabel('Capability bar: SWE-bench Verified (%)')).toHaveValue('99');
    // Clearing the end date of a blocked experiment brings the warning back.
    await page.getByLabel('End date', { exact: true }).fill('');
    await expect(page.getByTestId('blocker-no-end-date')).toBeVisible();
  });
});

test.describe('an executive reads the radar', () => {
  test.use({ storageState: storageFor('executive') });

  test('each blocked experiment names its benchmark, and each candidate the effort it needs', async ({ page }) => {
    await page.goto('/insights');
    const coding = page.getByTestId('radar-item').filter({ hasText: 'Legacy COBOL migration analysis' });
    await expect(coding.getByTestId('radar-benchmark')).toHaveText('SWE-bench Verified');
    await expect(coding).toContainText('at least 60.0%');
    await expect(coding.getByTestId('radar-effort').first()).toContainText(/effort|default settings/);
    const science = page.getByTestId('radar-item').filter({ hasText: 'Scenario analysis for the board pack' });
    await expect(science.getByTestId('radar-benchmark')).toHaveText('GPQA Diamond');
    // GPT-5.2 scores 91.4% at its best, but low effort (82.7%) already clears the 70% bar.
    await expect(science.getByRole('row', { name: /GPT-5\.2/ }).getByTestId('radar-effort')).toHaveText('low effort (82.7%)');
    await expect(page.getByTestId('radar-unmeasured').first()).toContainText('Not yet measured on');
    await page.locator('#radar').screenshot({ path: 'test-results/radar.png' });
  });
});
