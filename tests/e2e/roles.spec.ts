import { expect, test } from '@playwright/test';
import { storageStatePath } from './e2e-env';
import { AppShell } from './pages/app-shell';

test.describe('the screener', () => {
  test.use({ storageState: storageStatePath('screener') });

  test('lands on the screening console and sees only its own console in the menu', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/screen(\?show=[\w-]+)?$/);
    await expect(page.getByRole('heading', { name: 'Screening' })).toBeVisible();
    await new AppShell(page).expectNavLinks(['Screen']);
  });

  test('is refused the producer pages and the host console', async ({ page }) => {
    for (const path of ['/producer', '/producer/team', '/producer/shows', '/host']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { name: 'Not for your role' })).toBeVisible();
    }
  });
});

test.describe('the host', () => {
  test.use({ storageState: storageStatePath('host') });

  test('lands on the host console and is refused screening and producer pages', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/host(\?show=[\w-]+)?$/);
    await new AppShell(page).expectNavLinks(['Host']);
    for (const path of ['/screen', '/producer/team']) {
      expect((await page.goto(path))?.status(), path).toBe(403);
    }
  });
});

test.describe('the producer', () => {
  test.use({ storageState: storageStatePath('producer') });

  test('lands in the show room and may open every console', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/producer(\?show=[\w-]+)?$/);
    await new AppShell(page).expectNavLinks(['Screen', 'Host', 'Show room', 'Shows', 'Team']);
    for (const path of ['/screen', '/host', '/producer/team', '/producer/shows']) {
      expect((await page.goto(path))?.status(), path).toBe(200);
    }
  });
});
