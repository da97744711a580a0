import { expect, type Locator, type Page } from '@playwright/test';

/** The producer's list of regulars (/producer/regulars), beside the block list. */
export class RegularsPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto('/producer/regulars');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Regulars' })).toBeVisible();
  }

  entry(number: string): Locator {
    return this.page.getByRole('list', { name: 'Regulars' }).getByRole('listitem').filter({ hasText: number });
  }

  async add(number: string, note: string) {
    const form = this.page.getByRole('form', { name: 'Add a regular' });
    await form.getByLabel('Phone number').fill(number);
    await form.getByLabel('Note for the screeners (optional)').fill(note);
    await form.getByRole('button', { name: 'Add regular' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: 'is a regular' })).toHaveText(
      `${number} is a regular.`,
    );
    await expect(this.entry(number)).toContainText(note);
  }

  async remove(number: string) {
    await this.entry(number)
      .getByRole('button', { name: `Remove ${number}` })
      .click();
    await expect(this.entry(number)).toHaveCount(0);
  }
}
