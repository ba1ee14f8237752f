import AxeBuilder from '@axe-core/playwright';
import { startLitellmMock } from '../tests/helpers/usage-mocks/litellm';
import { expect, storageFor, test } from './fixtures';

const SECRET = 'sk-e2e-litellm-master-key-4242';
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

test.describe('usage connections', () => {
  test.use({ storageState: storageFor('admin') });

  test('an admin connects a LiteLLM proxy, pulls now and sees the rows imported; the credential never reaches the page', async ({ page }) => {
    // The proxy: a mock of LiteLLM's daily activity API on loopback, with one day of spend.
    const proxy = await startLitellmMock({
      key: SECRET,
      days: { [yesterday()]: [{ model: 'gpt-4o-mini', provider: 'openai', key: 'hash-e2e', keyAlias: 'e2e-bot', teamId: 'team-e2e', spend: 1.5, prompt: 1200, completion: 300, requests: 7 }] },
    });
    try {
      const name = `E2E proxy ${Date.now()}`;
      await page.goto('/admin/usage');
      const form = page.getByRole('form', { name: 'Add a usage connection' });
      await form.getByLabel('Source').selectOption('litellm');
      await form.getByLabel('Name').fill(name);
      // A metadata address is refused with one sentence.
      await form.getByLabel('Base URL').fill('http://169.254.169.254');
      await form.getByLabel('Credential').fill(SECRET);
      await form.getByRole('button', { name: 'Connect' }).click();
      await expect(form.getByText('This address is link-local or a cloud metadata service, which a connection may not call.')).toBeVisible();
      await expect(form.getByLabel('Credential')).toHaveValue('');

      await form.getByLabel('Base URL').fill(proxy.origin);
      await form.getByLabel('Credential').fill(SECRET);
      await form.getByRole('button', { name: 'Connect' }).click();
      await expect(form.getByRole('status')).toContainText(`${name} connected.`);

      const row = page.getByRole('table', { name: 'Usage connections' }).getByRole('row', { name: new RegExp(name) });
      await expect(row).toContainText('LiteLLM');
      await expect(row).toContainText('set');
      await expect(row).toContainText('never');
      await row.getByRole('button', { name: 'Pull now' }).click();
      await expect(row.getByRole('status')).toContainText(`${name}: 1 row(s) for`);
      await expect(row).toContainText(yesterday());
      await expect(row).toContainText('ok');
      // (The scheduler may pull the new connection too: every request carried the key as a bearer token.)
      expect([...new Set(proxy.requests.map((r) => r.headers.authorization))]).toEqual([`Bearer ${SECRET}`]);

      await page.reload();
      // The pull is listed with the imports, and the proxy's team waits in the mapping table.
      await expect(page.getByRole('table', { name: 'Recent imports' }).getByRole('row', { name: /litellm pull litellm API/ }).first()).toContainText(yesterday());
      await expect(page.getByRole('table', { name: 'Team mapping' })).toContainText('team-e2e');
      expect(await page.content()).not.toContain(SECRET);
      await page.screenshot({ path: 'test-results/usage-connections.png', fullPage: true });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);

      // Removing asks first; the connection goes, the usage stays.
      page.once('dialog', (d) => d.accept());
      await page.getByRole('table', { name: 'Usage connections' }).getByRole('row', { name: new RegExp(name) }).getByRole('button', { name: 'Remove' }).click();
      await expect(page.getByRole('table', { name: 'Usage connections' }).getByRole('row', { name: new RegExp(name) })).toHaveCount(0);
    } finally {
      await proxy.close();
    }
  });
});
