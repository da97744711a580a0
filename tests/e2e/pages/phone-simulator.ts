import { expect, type Locator, type Page } from '@playwright/test';

/** The rehearsal phone simulator (/simulator). */
export class PhoneSimulatorPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/simulator');
    await expect(this.page.getByRole('heading', { name: 'Phone simulator' })).toBeVisible();
  }

  async ring(from: string, to: string) {
    await this.page.getByLabel('Show to ring').selectOption(to);
    await this.page.getByLabel('Your made-up number').fill(from);
    await this.page.getByRole('button', { name: 'Call the show' }).click();
  }

  async ringTen(to: string) {
    await this.page.getByLabel('Show to ring').selectOption(to);
    await this.page.getByRole('button', { name: 'Ring ten callers at once' }).click();
  }

  phones(): Locator {
    return this.page.getByRole('list', { name: 'Simulated phones' }).getByRole('listitem');
  }

  phone(from: string): Locator {
    return this.page.getByRole('listitem', { name: `Phone ${from}` });
  }

  async hangUp(from: string) {
    await this.phone(from)
      .getByRole('button', { name: `Hang up ${from}` })
      .click();
  }
}
