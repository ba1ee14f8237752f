import fs from 'node:fs';
import { chromium } from 'playwright-core';
const base = 'http://127.0.0.1:3103';
async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  for (const theme of (process.env.THEMES ?? 'light').split(',') as ('light' | 'dark')[]) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
    page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 300)));
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill('exec@uplift.demo');
    await page.getByLabel('Password').fill('uplift-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    console.log('landed', page.url());
    const t = Date.now();
    await page.goto(`${base}${process.env.P ?? '/dashboard'}`, { waitUntil: 'load', timeout: 60000 });
    console.log('load ms', Date.now() - t);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/dashshots/${theme}.png`, fullPage: true });
    await page.close();
  }
  await browser.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
