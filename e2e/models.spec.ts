import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import Papa from 'papaparse';
import { expect, storageFor, test } from './fixtures';

// Expected counts come from the shipped reference data, never hard-coded.
type Row = Record<string, string>;
const reference = Papa.parse<Row>(fs.readFileSync('db/seed/reference/models.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const withPriceAndScore = reference.filter((r) => r.input_usd_per_mtok !== '' && r.gpqa_diamond_pct !== '').length;
const withCompute = reference.filter((r) => r.training_flop !== '').length;
const openWeights = reference.filter((r) => r.open_weights === 'true').length;
const bestScore = reference.filter((r) => r.gpqa_diamond_pct !== '').sort((a, b) => Number(b.gpqa_diamond_pct) - Number(a.gpqa_diamond_pct))[0];

// Serial: the import test adds a model, which the chart-count test must not see yet.
test.describe.configure({ mode: 'serial' });

test.describe('browsing the catalog and trends', () => {
  test.use({ storageState: storageFor('executive') });

  test('the catalog lists every model with attribution, sorts by a column and filters in the URL', async ({ page }) => {
    await page.goto('/models?bench=gpqa_diamond');
    await expect(page.getByTestId('data-attribution')).toContainText('CC BY 4.0');
    await expect(page.getByTestId('data-attribution')).toContainText('AI Benchmarking Hub');
    await expect(page.getByTestId('data-attribution')).toContainText('METR');
    // Other specs add models named e2e-… (a catalog sync, an import): every reference model, and only those, besides.
    const rows = page.getByTestId('models-table').locator('tbody tr:not([data-testid^="model-row-e2e-"])');
    await expect(rows).toHaveCount(reference.length);

    await page.getByRole('link', { name: 'GPQA Diamond' }).click();
    await expect(page).toHaveURL(/bench=gpqa_diamond&sort=score&dir=asc/);
    await page.getByRole('link', { name: /GPQA Diamond/ }).click();
    await expect(page).toHaveURL(/sort=score&dir=desc/);
    await expect(rows.first()).toHaveAttribute('data-testid', `model-row-${bestScore.slug}`);

    await page.getByLabel('Open weights only').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/open=1/);
    await expect(page).toHaveURL(/sort=score/);
    await expect(rows).toHaveCount(openWeights);
    for (const badge of await rows.all()) await expect(badge.getByText('open weights')).toBeVisible();
  });

  test('the catalog switches benchmark (ECI by default), keeps unmeasured models and shows price tiers', async ({ page }) => {
    await page.goto('/models');
    // Other specs add models named e2e-… (a catalog sync, an import): every reference model, and only those, besides.
    const rows = page.getByTestId('models-table').locator('tbody tr:not([data-testid^="model-row-e2e-"])');
    await expect(rows).toHaveCount(reference.length);
    await expect(page.getByRole('link', { name: 'Epoch Capabilities Index (ECI)' })).toBeVisible();
    await expect(page.getByTestId('model-row-o1-preview').getByTestId('capability-cell')).toHaveText('135.9');
    // Newer than Epoch's April-2026 data: kept, and said so.
    await expect(page.getByTestId('model-row-claude-sonnet-5').getByTestId('capability-cell')).toHaveText('not yet measured');
    const unmeasured = await page.getByTestId('capability-cell').filter({ hasText: 'not yet measured' }).count();
    expect(unmeasured).toBeGreaterThan(0);

    await page.getByLabel('Capability benchmark').selectOption('frontiermath');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/bench=frontiermath/);
    await expect(rows).toHaveCount(reference.length);
    const gpt51 = page.getByTestId('model-row-gpt-5.1').getByTestId('capability-cell');
    await expect(gpt51).toHaveText('31.0%');
    await expect(gpt51).toHaveAttribute('title', /high effort/);

    // Price tiers beside the list price; a running promotion shows today's price over the struck-through list price.
    const flash = page.getByTestId('model-row-gemini-3.8-flash');
    await expect(flash.getByTestId('price-tiers')).toContainText('Promotional price until 2026-12-31');
    await expect(flash.locator('td.line-through, .line-through').first()).toHaveText('$1.50');
    await expect(page.getByTestId('model-row-gpt-4o').getByTestId('price-tiers')).toContainText('Cached input');
    await page.screenshot({ path: 'test-results/catalog-benchmark-switch.png', fullPage: false });
  });

  test('a model page shows its price steps, score with source, data policy and our experiments', async ({ page }) => {
    await page.goto('/models');
    await page.getByRole('link', { name: 'o3', exact: true }).click();
    await expect(page).toHaveURL(/\/models\/o3$/);
    await expect(page.getByTestId('chart-price-steps')).toBeVisible();
    await expect(page.getByTestId('price-row')).toHaveCount(2);
    await expect(page.getByTestId('price-row').nth(1)).toContainText('$2.00');
    await expect(page.getByTestId('benchmark-gpqa_diamond')).toContainText('81.8%');
    await expect(page.getByTestId('benchmark-gpqa_diamond').getByRole('link', { name: /Epoch AI/ })).toBeVisible();
    // Every benchmark, per effort (the second scaling law for this model), or "not yet measured".
    await expect(page.getByTestId('scores-frontiermath')).toContainText('18.7% (high effort) · 16.9% (medium effort) · 9.7% (low effort)');
    await expect(page.getByTestId('scores-eci')).toContainText('147.2');
    await expect(page.getByTestId('data-policy')).toHaveText('Does not train on API data');
    await expect(page.getByText(/Our experiments with this model/)).toBeVisible();
    // Executives read but cannot change the catalog.
    await expect(page.getByRole('form', { name: 'Add a price change' })).toHaveCount(0);
  });

  test('the trends page draws every chart with one point per model that has the values', async ({ page }) => {
    // Every model in the catalog now, including those other specs add (a catalog sync's has no GPQA score).
    await page.goto('/models?bench=gpqa_diamond');
    const total = await page.getByTestId('models-table').locator('tbody tr').count();
    await page.goto('/trends?bench=gpqa_diamond');
    const capability = page.getByTestId('chart-capability-price');
    await expect(capability).toHaveAttribute('data-points', String(withPriceAndScore));
    await expect(capability.locator('.trend-model-points [data-point]')).toHaveCount(withPriceAndScore);
    await expect(page.getByTestId('capability-left-out')).toContainText(`${total - withPriceAndScore} models`);
    await expect(capability.getByText(/PhD experts in their field, 81.3%/)).toBeVisible();
    await expect(capability.getByText(/Skilled non-experts with web access, 22.1%/)).toBeVisible();
    // Each point names its model and shows its figures on hover.
    const point = capability.locator('.trend-model-points [data-point]').first();
    const model = ((await point.getAttribute('aria-label')) ?? '').split(' (')[0];
    await point.hover();
    await expect(capability.locator('[data-tip-box]:visible')).toContainText(model);

    await expect(page.getByTestId('level-headline')).toContainText(/The price of GPT-4-level capability fell [\d,.]+× in \d+ months \(≈[\d,.]+× per year\)/);
    // The charts below the first screen load their code when scrolled to (WhenVisible).
    await page.getByTestId('chart-level-price').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('chart-level-price').locator('.recharts-line-curve')).toHaveCount(1);

    const compute = page.getByTestId('chart-compute');
    await compute.scrollIntoViewIfNeeded();
    await expect(compute.locator('.trend-compute-points .recharts-scatter-symbol')).toHaveCount(withCompute);

    // Choosing another level changes the headline's words; filters live in the URL.
    await page.getByLabel(/Capability level/).selectOption('claude-3.5-sonnet');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/level=claude-3.5-sonnet/);
    await expect(page.getByTestId('level-headline')).toContainText('Claude 3.5 Sonnet-level capability');
    // The essay's headline stays, computed, beside any other level.
    await expect(page.getByTestId('gpqa-headline')).toContainText(/On GPQA Diamond, the price of GPT-4-level capability fell [\d,.]+× in \d+ months/);
  });

  test('the trends page opens on the ECI, names unmeasured models and draws both scaling laws and time horizons', async ({ page }) => {
    await page.goto('/trends');
    const capability = page.getByTestId('chart-capability-price');
    await expect(capability).toHaveAttribute('data-benchmark', 'Epoch Capabilities Index (ECI)');
    expect(Number(await capability.getAttribute('data-points'))).toBeGreaterThan(30);
    await expect(page.getByTestId('not-measured')).toContainText(/\d+ models not yet measured on Epoch Capabilities Index/);
    await expect(page.getByTestId('level-headline')).toContainText(/The price of GPT-4-level capability on Epoch Capabilities Index \(ECI\) fell/);
    await expect(page.getByTestId('gpqa-headline')).toContainText('On GPQA Diamond, the price of GPT-4-level capability fell');

    const effort = page.getByTestId('chart-effort-scaling');
    await effort.scrollIntoViewIfNeeded();
    await expect(effort).toHaveAttribute('data-lines', '9');
    await expect(page.getByTestId('effort-reading')).toContainText('GPT-5.1 scores 2.1% at none effort and 31.0% at high');
    await expect(effort.locator('polyline')).toHaveCount(9);
    await effort.screenshot({ path: 'test-results/trends-effort-scaling.png' });

    const horizon = page.getByTestId('chart-time-horizon');
    await horizon.scrollIntoViewIfNeeded();
    await expect(horizon).toHaveAttribute('data-points', '22');
    await expect(page.getByTestId('horizon-headline')).toContainText('Claude Opus 4.6, 12 h');
    await expect(page.getByText(/Source: METR/)).toBeVisible();
    await horizon.screenshot({ path: 'test-results/trends-time-horizon.png' });

    const compute = page.getByTestId('chart-compute');
    await compute.scrollIntoViewIfNeeded();
    await expect(page.getByText(/about 634 thousand years/)).toBeVisible();
    await compute.screenshot({ path: 'test-results/trends-compute.png' });

    // Switching the benchmark redraws the capability chart on its own scale.
    await page.getByLabel('Capability benchmark').selectOption('swe_bench_verified');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/bench=swe_bench_verified/);
    await expect(page.getByTestId('chart-capability-price')).toHaveAttribute('data-benchmark', 'SWE-bench Verified');
    await page.getByTestId('chart-capability-price').screenshot({ path: 'test-results/trends-capability-swe.png' });
    await page.goto('/trends');
    await page.getByTestId('chart-capability-price').screenshot({ path: 'test-results/trends-capability-eci.png' });
  });

  test('the trends charts are keyboard-reachable and have no serious accessibility violations', async ({ page }) => {
    test.setTimeout(120_000); // axe is slow on a loaded 2-core machine
    await page.goto('/trends');
    // A model point is a link to the model's page, reached with Tab like any other link.
    const point = page.getByTestId('chart-capability-price').locator('.trend-model-points [data-point]').first();
    const slug = (await point.getAttribute('href'))!;
    await point.focus();
    await expect(page.getByTestId('chart-capability-price').locator('[data-tip-box]:visible')).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${slug}$`));

    await page.goto('/trends');
    await page.getByTestId('chart-compute').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('chart-compute').locator('.recharts-scatter-symbol').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  });
});

test.describe('catalog administration', () => {
  test.use({ storageState: storageFor('admin') });

  test('an admin imports a CSV with one good and one bad row: preview, apply, the new model is on the chart', async ({ page }) => {
    const header = Object.keys(reference[0]).join(',');
    const csv = [
      header,
      'e2e-model,E2E Model,Anthropic,2026-04-01,0.5,2.5,77.7,,true,false,false,,,',
      'e2e-bad,Bad Model,anthropic,2026-04-01,-3,2,,,false,false,false,,,',
    ].join('\n');
    await page.goto('/models');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByLabel('CSV file').setInputFiles({ name: 'models.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect(page.getByTestId('import-summary')).toContainText('1 to add, 0 to update, 1 rejected');
    await expect(page.getByTestId('import-row-2')).toContainText('added');
    const bad = page.getByTestId('import-row-3');
    await expect(bad).toContainText('rejected');
    await expect(bad).toContainText('unknown vendor spelling "anthropic"');
    await expect(bad).toContainText('negative');

    await page.getByRole('button', { name: 'Apply 1 rows' }).click();
    await expect(page.getByRole('status')).toContainText('Imported: 1 added, 0 updated, 1 rejected');

    await page.goto('/trends?bench=gpqa_diamond');
    await expect(page.getByTestId('chart-capability-price')).toHaveAttribute('data-points', String(withPriceAndScore + 1));
    await page.goto('/models/e2e-model');
    await expect(page.getByTestId('benchmark-gpqa_diamond')).toContainText('77.7%');
    await expect(page.getByText(/imported by admin@uplift.demo/).first()).toBeVisible();
    await page.goto('/models/e2e-bad');
    await expect(page.getByText('This page does not exist')).toBeVisible();
  });
});

test.describe('catalog administration by form', () => {
  test.use({ storageState: storageFor('admin') });

  test('an admin records a price change; a negative price is refused next to the field', async ({ page }) => {
    await page.goto('/models/claude-3-haiku');
    const form = page.getByRole('form', { name: 'Add a price change' });
    await form.getByLabel('Effective date').fill('2026-01-01');
    await form.getByLabel('Input $ per M tokens').fill('-1');
    await form.getByLabel('Output $ per M tokens').fill('1');
    await form.getByRole('button', { name: 'Save price' }).click();
    await expect(form.locator('#input-error')).toContainText('cannot be negative');
    await form.getByLabel('Input $ per M tokens').fill('0.2');
    await form.getByRole('button', { name: 'Save price' }).click();
    await expect(form.getByRole('status')).toContainText('Price from 2026-01-01 saved');
    await page.reload();
    await expect(page.getByTestId('price-row')).toHaveCount(2);
    await expect(page.getByTestId('price-row').nth(1)).toContainText('entered by admin@uplift.demo');
    // The catalog shows the price in force today: the new one.
    await page.goto('/models?q=claude+3+haiku');
    await expect(page.getByTestId('model-row-claude-3-haiku')).toContainText('$0.20');
  });

  test('an admin enters a FrontierMath score at an effort for a reasoning model; a score above 100% is refused next to the field', async ({ page }) => {
    await page.goto('/models/grok-4.20');
    const form = page.getByRole('form', { name: 'Add a benchmark score' });
    await form.getByLabel('Benchmark').selectOption({ label: 'FrontierMath (tiers 1-3)' });
    await form.getByLabel('Score (%)').fill('120');
    await form.getByLabel('Reasoning effort').fill('high');
    await form.getByLabel('Source').fill('vendor card');
    await form.getByRole('button', { name: 'Save score' }).click();
    await expect(form.locator('#score-error')).toHaveText('FrontierMath (tiers 1-3) is a percentage, at most 100.');
    await form.getByLabel('Score (%)').fill('33.5');
    await form.getByRole('button', { name: 'Save score' }).click();
    await expect(form.getByRole('status')).toHaveText('Score 33.5 saved.');
    await page.reload();
    await expect(page.getByTestId('scores-frontiermath')).toContainText('33.5%');
    await expect(page.getByTestId('scores-frontiermath')).toContainText('vendor card (entered by admin@uplift.demo');
    // The ECI has one score per model: the effort field is off.
    await page.getByRole('form', { name: 'Add a benchmark score' }).getByLabel('Benchmark').selectOption('eci');
    await expect(page.getByRole('form', { name: 'Add a benchmark score' }).getByLabel('Reasoning effort')).toBeDisabled();
    await page.getByRole('form', { name: 'Add a benchmark score' }).screenshot({ path: 'test-results/model-score-form.png' });
  });
});

test.describe('a lead cannot change the catalog', () => {
  test.use({ storageState: storageFor('lead') });

  test('the import page and the admin links are refused', async ({ page }) => {
    await page.goto('/models');
    await expect(page.getByRole('link', { name: 'Import CSV' })).toHaveCount(0);
    await page.goto('/models/import');
    await expect(page.getByText('You do not have access to this page')).toBeVisible();
    await page.goto('/models/new');
    await expect(page.getByText('You do not have access to this page')).toBeVisible();
  });
});
