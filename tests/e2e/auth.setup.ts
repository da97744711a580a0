import { expect, test as setup } from '@playwright/test';
import { E2E_ACCOUNTS, E2E_ROLES, storageStatePath } from './e2e-env';
import { LoginPage } from './pages/login-page';

for (const role of E2E_ROLES) {
  setup(`${role} signs in and keeps the session for the other tests`, async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(E2E_ACCOUNTS[role].email, E2E_ACCOUNTS[role].password);
    await expect(page).not.toHaveURL(/\/login/);
    await page.context().storageState({ path: storageStatePath(role) });
  });
}
