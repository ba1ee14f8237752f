import fs from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${PORT}`;
const onPostgres = Boolean(process.env.E2E_DATABASE_URL);
// Two app servers share one database only on PostgreSQL (on PGlite one server holds the database): that spec runs in its
// own project, last and alone, so its second server starts on a quiet machine.
const twoServers = /two-servers\.spec\.ts$/;
const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 } };
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The organisation settings spec changes the currency and time zone every page shows, and the many-teams spec adds teams
// every page lists: they run after the rest.
const orgWide = /(settings|many-teams)\.spec\.ts$/;

export default defineConfig({
  testDir: './e2e',
  forbidOnly: true,
  retries: 0,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_REPORT
    ? [['list'], ['json', { outputFile: process.env.PW_JSON_REPORT }]]
    : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    // Debian's Chromium where present (no browser downloads on our machines); else Playwright's own.
    launchOptions: fs.existsSync(chromiumPath)
      ? {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        }
      : {},
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', use: desktop, dependencies: ['setup'], testIgnore: [twoServers, /a11y\.spec\.ts$/, orgWide] },
    // axe on every page × role × theme (e2e/a11y.spec.ts) runs on PGlite only, to keep the PostgreSQL run short.
    ...(onPostgres ? [] : [{ name: 'a11y', use: desktop, dependencies: ['setup'], testMatch: /a11y\.spec\.ts$/ }]),
    { name: 'org-settings', use: desktop, dependencies: onPostgres ? ['chromium'] : ['chromium', 'a11y'], testMatch: orgWide },
    ...(onPostgres ? [{ name: 'two-servers', use: desktop, dependencies: ['org-settings'], testMatch: twoServers }] : []),
  ],
  webServer: {
    command: 'node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      BETTER_AUTH_URL: baseURL,
    },
  },
});
