import { chromium } from 'playwright-core';
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
  const base = 'http://localhost:3310';
  p.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
  await p.goto(base + '/login');
  await p.getByLabel('Email').fill('exec@bench.local');
  await p.getByLabel('Password').fill('bench-password-123');
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.waitForURL((u) => !u.pathname.startsWith('/login'));
  await p.goto(base + '/dashboard?period=12m');
  for (const id of ['team-table', 'telemetry-by-team', 'billed-vs-reported']) {
    const t0 = Date.now();
    await p.getByTestId(`${id}-show-all`).click();
    await p.waitForFunction((id) => document.querySelectorAll(`[data-testid="${id}-row"]`).length > 12, id);
    console.log(id, await p.getByTestId(`${id}-row`).count(), 'rows in', Date.now() - t0, 'ms');
  }
  await p.reload();
  await p.getByTestId('team-table').getByRole('button', { name: /^Team/ }).click();
  await p.waitForTimeout(1500);
  console.log('sorted by name:', (await p.getByTestId('team-table-row').locator('td:first-child').allTextContents()).join(', '));
  await b.close();
})();
