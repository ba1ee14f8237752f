// Takes screenshots of the main pages as each role sees them (headless Chromium) into ./screenshots,
// and the README's picture into docs/dashboard.png. Needs a running server: BASE_URL (default :3000).
import fs from 'node:fs';
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const pages = (process.argv[2] ?? '/dashboard,/experiments,/models,/trends,/reports,/admin').split(',');
const theme = process.env.THEME === 'dark' ? 'dark' : 'light';

async function main() {
  const browser = await chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme });
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(process.env.EMAIL ?? 'admin@uplift.demo');
  await page.getByLabel('Password').fill('uplift-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  fs.mkdirSync('screenshots', { recursive: true });
  for (const p of pages) {
    await page.goto(`${base}${p}`, { waitUntil: 'networkidle' });
    // Scroll through once: charts below the first screen load when scrolled to (components/charts/when-visible.tsx).
    const height = await page.evaluate(() => document.body.scrollHeight);
    for (let y = 0; y < height; y += 600) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(100); // one frame or more, so each IntersectionObserver sees its box
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForLoadState('networkidle');
    const file = `screenshots/${theme}${p.replace(/[/?=&]/g, '_')}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    if (p === '/dashboard' && theme === 'light') {
      fs.mkdirSync('docs', { recursive: true });
      await page.screenshot({ path: 'docs/dashboard.png' });
    }
  }
  await browser.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
