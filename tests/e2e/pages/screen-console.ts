import { expect, type Locator, type Page } from '@playwright/test';

export interface CardInput {
  name: string;
  location: string;
  topic: string;
  comment: string;
  priority: 'Low' | 'Normal' | 'High';
}

/** /screen, as a screener uses it. */
export class ScreenConsolePage {
  constructor(readonly page: Page) {}

  async goto(showId?: string) {
    await this.page.goto(showId ? `/screen?show=${showId}` : '/screen');
    await expect(this.page.getByRole('heading', { level: 1, name: /Screening/ })).toBeVisible();
  }

  async connectHeadset() {
    await this.page.getByLabel('I am wearing headphones').check();
    await this.page.getByRole('button', { name: 'Connect headset' }).click();
    await expect(this.page.locator('[data-audio-status]')).toHaveAttribute('data-audio-status', 'connected', {
      timeout: 15_000,
    });
  }

  waitingList(): Locator {
    return this.page.getByRole('list', { name: 'Waiting callers' });
  }

  waitingCaller(number: string): Locator {
    return this.waitingList().getByRole('listitem').filter({ hasText: number });
  }

  /** The order of the waiting list, by each caller's number as this console shows it. */
  async waitingNumbers(): Promise<string[]> {
    return this.waitingList().getByTestId('caller-number').allTextContents();
  }

  regularBadge(number: string): Locator {
    return this.waitingCaller(number).getByTestId('regular-badge');
  }

  estimatedWait(number: string): Locator {
    return this.waitingCaller(number).getByTestId('estimated-wait');
  }

  /** A caller waiting for a callback: the screener rings them back instead of picking up. */
  async callBack(number: string) {
    await this.waitingCaller(number)
      .getByRole('button', { name: /^Call back/ })
      .click();
  }

  async expectCallingBack(number: string) {
    await expect(this.screeningPanel().getByRole('heading', { name: 'Calling back' })).toBeVisible();
    await expect(this.screeningPanel().getByTestId('caller-number')).toHaveText(number);
  }

  async pickUpNext() {
    await this.page.getByRole('button', { name: /^Pick up next/ }).click();
  }

  screeningPanel(): Locator {
    return this.page.locator('section[aria-labelledby="screening-heading"]');
  }

  async expectTalkingTo(number: string) {
    await expect(this.screeningPanel().getByTestId('caller-number')).toHaveText(number);
  }

  async fillCard(card: CardInput) {
    const panel = this.screeningPanel();
    await panel.getByLabel('Name').fill(card.name);
    await panel.getByLabel('Location').fill(card.location);
    await panel.getByLabel('Topic').fill(card.topic);
    await panel.getByLabel('Comment for the host').fill(card.comment);
    await panel.getByRole('radio', { name: card.priority }).check();
    await expect(panel.getByTestId('card-save-status')).toHaveText('Saved');
  }

  async approve() {
    await this.screeningPanel()
      .getByRole('button', { name: /^Approve/ })
      .click();
  }

  async reject(reason: string) {
    await this.screeningPanel()
      .getByRole('button', { name: /Reject…/ })
      .click();
    await this.page.getByLabel('Reason', { exact: true }).fill(reason);
    await this.page.getByRole('button', { name: 'Reject caller' }).click();
  }

  /** The tab of a show in the console heading, which carries its waiting count. */
  showTab(name: string): Locator {
    return this.page.getByRole('navigation', { name: 'Shows' }).getByRole('link', { name: new RegExp(name) });
  }

  deckList(): Locator {
    return this.page.getByRole('list', { name: 'Callers on deck' });
  }

  async expectIdle() {
    await expect(this.page.getByText('You are not talking to anyone.')).toBeVisible({ timeout: 15_000 });
  }
}
