import { expect, test } from '@playwright/test';
import { E2E_ACCOUNTS } from './e2e-env';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';

test.describe('signing in', () => {
  test('a wrong password shows an error and keeps the person on the login page', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(E2E_ACCOUNTS.host.email, 'not-the-password');
    await login.expectError('That email and password do not match an active account.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('an unknown email gets the same answer as a wrong password', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('nobody@switchboard.test', 'whatever-password');
    await login.expectError('That email and password do not match an active account.');
  });

  test('an empty form names the missing fields', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email.')).toBeVisible();
    await expect(page.getByText('Enter your password.')).toBeVisible();
  });

  test('rehearsal mode says so on the login page and lists the demo accounts', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('status').filter({ hasText: 'No real phone calls are made' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Rehearsal mode: demo accounts' })).toBeVisible();
    await expect(page.getByText(E2E_ACCOUNTS.screener.email)).toBeVisible();
  });

  test('a page opened without a session leads to the login page and back after signing in', async ({ page }) => {
    await page.goto('/producer/team');
    await expect(page).toHaveURL(/\/login\?next=%2Fproducer%2Fteam/);
    await new LoginPage(page).signIn(E2E_ACCOUNTS.producer.email, E2E_ACCOUNTS.producer.password);
    await expect(page).toHaveURL(/\/producer\/team$/);
    await expect(page.getByRole('heading', { name: 'Team', exact: true })).toBeVisible();
  });

  test('signing out ends the session', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(E2E_ACCOUNTS.screener.email, E2E_ACCOUNTS.screener.password);
    await expect(page).toHaveURL(/\/screen(\?show=[\w-]+)?$/);
    await new AppShell(page).signOut();
    await page.goto('/screen');
    await expect(page).toHaveURL(/\/login/);
  });
});
