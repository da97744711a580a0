import { expect, type Page } from '@playwright/test';

export class AppShell {
  constructor(private readonly page: Page) {}

  navigation() {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  async expectNavLinks(labels: string[]) {
    await expect(this.navigation().getByRole('link')).toHaveText(labels);
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
