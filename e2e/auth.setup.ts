import fs from 'node:fs';
import { test as setup, expect } from '@playwright/test';
import { ACCOUNTS, signIn, storageFor, type Role } from './fixtures';

fs.mkdirSync('e2e/.auth', { recursive: true });

for (const role of Object.keys(ACCOUNTS) as Role[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signIn(page, ACCOUNTS[role]);
    await expect(page.getByTestId('current-user')).toBeVisible();
    await page.context().storageState({ path: storageFor(role) });
  });
}
