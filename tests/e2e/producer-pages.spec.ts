import { DEMO_SHOW } from '../../lib/bootstrap/demo';
import { expect, test } from '@playwright/test';
import { storageStatePath } from './e2e-env';
import { LoginPage } from './pages/login-page';

test.describe('producer pages', () => {
  test.use({ storageState: storageStatePath('producer') });

  test('a show with a malformed phone number is refused with the reason next to the field', async ({ page }) => {
    await page.goto('/producer/shows/new');
    await page.getByLabel('Show name').fill('Late Night Lines');
    await page.getByLabel('Slug').fill('late-night-lines');
    await page.getByLabel('Phone number').fill('555-0100');
    await page.getByRole('button', { name: 'Create show' }).click();
    await expect(page.locator('#field-phoneNumber-error')).toContainText('Use the international E.164 format');
    await expect(page.getByLabel('Show name')).toHaveValue('Late Night Lines');
    await page.goto('/producer/shows');
    await expect(page.getByRole('link', { name: 'Late Night Lines' })).toHaveCount(0);
  });

  test('a producer creates a show and edits its queue limit', async ({ page }) => {
    await page.goto('/producer/shows/new');
    await page.getByLabel('Show name').fill('Drive Time');
    await page.getByLabel('Slug').fill('drive-time');
    await page.getByLabel('Phone number').fill('+15005550008');
    await page.getByRole('button', { name: 'Create show' }).click();
    await expect(page.getByRole('heading', { name: 'Drive Time' })).toBeVisible();
    await page.getByLabel('Queue limit').fill('7');
    await page.getByRole('button', { name: 'Save show' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved Drive Time.' })).toBeVisible();
    await page.goto('/producer/shows');
    await expect(page.getByRole('listitem').filter({ hasText: 'Drive Time' })).toContainText('queue limit 7');
  });

  test('a show may not take a number another show already uses', async ({ page }) => {
    await page.goto('/producer/shows/new');
    await page.getByLabel('Show name').fill('Copycat');
    await page.getByLabel('Slug').fill('copycat');
    await page.getByLabel('Phone number').fill(DEMO_SHOW.phoneNumber);
    await page.getByRole('button', { name: 'Create show' }).click();
    await expect(page.getByText('Another show already uses that phone number.').first()).toBeVisible();
  });

  test('a producer adds a screener, who can then sign in, and disables them, who then cannot', async ({
    page,
    browser,
  }) => {
    await page.goto('/producer/team');
    await page.getByLabel('Name', { exact: true }).fill('Casey Newhire');
    await page.getByLabel('Email', { exact: true }).fill('casey@switchboard.test');
    await page.getByLabel('Password', { exact: true }).fill('casey-password-1');
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByText('Added Casey Newhire as screener.')).toBeVisible();

    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const casey = await other.newPage();
    const login = new LoginPage(casey);
    await login.goto();
    await login.signIn('casey@switchboard.test', 'casey-password-1');
    await expect(casey).toHaveURL(/\/screen(\?show=[\w-]+)?$/);

    await page.getByRole('button', { name: 'Disable Casey Newhire' }).click();
    await expect(page.getByText('Casey Newhire can no longer sign in.')).toBeVisible();
    await casey.goto('/screen');
    await expect(casey).toHaveURL(/\/login/);
    await login.signIn('casey@switchboard.test', 'casey-password-1');
    await login.expectError('That email and password do not match an active account.');
    await other.close();
  });

  test('a producer cannot disable their own account', async ({ page }) => {
    await page.goto('/producer/team');
    const me = page.getByRole('listitem', { name: 'Team member Producer' });
    await me.getByRole('button', { name: 'Disable Producer' }).click();
    await expect(me.getByText('You cannot disable your own account')).toBeVisible();
  });
});
