import { expect, storageFor, test, unique } from './fixtures';

// An organisation of many teams: the dashboard's team table sends its top ten, and "Show all" or a sort by another
// column fetches the rest from the server (app/(app)/dashboard/table-actions.ts). It adds teams, which every page
// lists, so it runs with the organisation-wide specs, after the rest (playwright.config.ts).
test.describe('a dashboard of many teams', () => {
  test.use({ storageState: storageFor('admin') });

  test('the team table shows its top ten; sorting by name and "Show all" bring in the teams the page did not send', async ({ page }) => {
    // Named to sort last, with nothing in the period: the last three by name are not among the top ten the page sends
    // (the demo's seven teams, then the teams without outcomes by name).
    const added = Array.from({ length: 6 }, (_, i) => unique(`Zebra ${i}`));
    await page.goto('/admin');
    const addTeam = page.getByRole('form', { name: 'Add a team' });
    for (const name of added) {
      await addTeam.getByLabel('Team name').fill(name);
      await addTeam.getByRole('button', { name: 'Add team' }).click();
      await expect(addTeam.getByRole('status')).toContainText(name);
    }
    const unsent = added.slice(3);

    await page.goto('/dashboard');
    const table = page.getByTestId('team-table');
    const rows = page.getByTestId('team-table-row');
    await expect(rows).toHaveCount(10);
    const total = Number((await page.getByTestId('team-table-show-all').textContent())!.match(/Show all (\d+) rows/)![1]);
    expect(total).toBeGreaterThanOrEqual(13);
    await expect(page.getByText(`Showing 10 of ${total}`)).toBeVisible();
    for (const name of unsent) await expect(table).not.toContainText(name);

    // Sorted by name, last first (a second click): the top ten now lead with teams the page did not send.
    const byName = table.getByRole('button', { name: /^Team/ });
    await byName.click();
    await expect(table.getByRole('columnheader', { name: 'Team' })).toHaveAttribute('aria-sort', 'ascending');
    await byName.click();
    await expect(table.getByRole('columnheader', { name: 'Team' })).toHaveAttribute('aria-sort', 'descending');
    await expect(rows.first()).toContainText(added[5]);
    await expect(rows).toHaveCount(10);
    for (const name of unsent) await expect(table).toContainText(name);

    await page.getByTestId('team-table-show-all').click();
    await expect(rows).toHaveCount(total);
    await expect(page.getByTestId('team-table-show-all')).toHaveCount(0);

    // A fresh view: "Show all" alone fetches every row, in the table's opening order (most outcomes first).
    await page.reload();
    await expect(rows).toHaveCount(10);
    const topTen = await rows.locator('td:first-child').allTextContents();
    await page.getByTestId('team-table-show-all').click();
    await expect(rows).toHaveCount(total);
    expect((await rows.locator('td:first-child').allTextContents()).slice(0, 10)).toEqual(topTen);
    for (const name of added) await expect(rows.filter({ hasText: name })).toHaveCount(1);
  });
});
