// Browser-side measures shared by bench/run.ts and bench/js-size.ts: sign in through the login form
// and count the JavaScript a page transfers on first load (gzip bytes on the wire, as the browser sees them).
import fs from 'node:fs';

export type Account = { email: string; password: string };

async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** Signs in through the form and returns the session as a Cookie header value. */
export async function signInCookie(base: string, account: Account): Promise<string> {
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  const cookies = await page.context().cookies();
  await browser.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export type PageJs = { bytes: number; scripts: { url: string; bytes: number }[] };

/**
 * Script bytes transferred (gzip as served) by a cold first load of each page, until the network is idle.
 * Lazy chunks fetched later (e.g. a chart scrolled into view) are not counted: only what the first screen costs.
 */
export async function measureJsDetailed(base: string, cookie: string, pages: string[]): Promise<Record<string, PageJs>> {
  const browser = await launch();
  const out: Record<string, PageJs> = {};
  for (const p of pages) {
    const context = await browser.newContext({ extraHTTPHeaders: { cookie }, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const scripts: { url: string; bytes: number }[] = [];
    const pending: Promise<void>[] = [];
    page.on('requestfinished', (req) => {
      if (req.resourceType() !== 'script') return;
      pending.push(req.sizes().then((s) => void scripts.push({ url: req.url().replace(base, ''), bytes: s.responseBodySize })));
    });
    await page.goto(`${base}${p}`, { waitUntil: 'networkidle' });
    await Promise.all(pending);
    out[p] = { bytes: scripts.reduce((t, s) => t + s.bytes, 0), scripts: scripts.sort((a, b) => b.bytes - a.bytes) };
    await context.close();
  }
  await browser.close();
  return out;
}

/** Total script bytes per page (the figure bench/run.ts reports). */
export async function measureJs(base: string, cookie: string, pages: string[]): Promise<Record<string, number>> {
  const detailed = await measureJsDetailed(base, cookie, pages);
  return Object.fromEntries(Object.entries(detailed).map(([p, d]) => [p, d.bytes]));
}
