import { chromium } from 'playwright-core';
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const p = await b.newPage({ viewport: { width: 1280, height: 900 } });
  const base = 'http://localhost:3310';
  await p.goto(base + '/login');
  await p.getByLabel('Email').fill(process.env.EMAIL ?? 'exec@bench.local');
  await p.getByLabel('Password').fill(process.env.PASSWORD ?? 'bench-password-123');
  await p.getByRole('button', { name: 'Sign in' }).click();
  await p.waitForURL((u) => !u.pathname.startsWith('/login'));
  await p.goto(base + (process.argv[2] ?? '/dashboard'));
  await p.waitForLoadState('networkidle');
  for (const id of (process.argv[3] ?? 'section-teams').split(',')) {
    const el = p.getByTestId(id).first();
    await el.scrollIntoViewIfNeeded();
    await el.screenshot({ path: `/tmp/shot-${id}.png` });
  }
  await b.close();
})();
