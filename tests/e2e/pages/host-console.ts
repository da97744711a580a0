import { expect, type Locator, type Page } from '@playwright/test';

/** The host console. */
export class HostConsolePage {
  constructor(readonly page: Page) {}

  async goto(showId?: string) {
    await this.page.goto(showId ? `/host?show=${showId}` : '/host');
    await expect(this.page.getByRole('heading', { level: 1, name: /Host/ })).toBeVisible();
  }

  async connectHeadset() {
    await this.page.getByLabel('I am wearing headphones').check();
    await this.page.getByRole('button', { name: 'Connect headset' }).click();
    await expect(this.page.locator('[data-audio-status]')).toHaveAttribute('data-audio-status', 'connected', {
      timeout: 15_000,
    });
  }

  deck(): Locator {
    return this.page.getByRole('list', { name: 'Callers on deck' });
  }

  deckCard(name: string): Locator {
    return this.deck().getByRole('listitem').filter({ hasText: name });
  }

  onAir(): Locator {
    return this.page.getByRole('list', { name: 'Callers on air' });
  }

  onAirCard(name: string): Locator {
    return this.onAir().getByRole('listitem').filter({ hasText: name });
  }

  async putOnAir(name: string) {
    await this.deckCard(name)
      .getByRole('button', { name: `Put on air: ${name}` })
      .click();
    await expect(this.onAirCard(name)).toBeVisible();
  }

  /** Moves a deck caller up one place and waits until the server has the new order. */
  async moveUp(name: string) {
    const saved = this.page.waitForResponse((r) => r.url().includes('/deck-order') && r.request().method() === 'PUT');
    await this.page.getByRole('button', { name: `Move ${name} up` }).click();
    expect((await saved).status()).toBe(200);
  }

  async drop(name: string) {
    await this.page.getByRole('button', { name: `Drop ${name}` }).click();
    await this.page.getByRole('button', { name: `Yes, drop ${name}` }).click();
  }

  async backToDeck(name: string) {
    await this.page.getByRole('button', { name: `Back to deck: ${name}` }).click();
  }
}
