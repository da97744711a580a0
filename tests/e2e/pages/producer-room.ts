import { expect, type Locator, type Page } from '@playwright/test';

/** The producer's show room (/producer). */
export class ProducerRoomPage {
  constructor(readonly page: Page) {}

  async goto(showId?: string) {
    await this.page.goto(showId ? `/producer?show=${showId}` : '/producer');
    await expect(this.page.getByRole('heading', { level: 1, name: /Show room/ })).toBeVisible();
  }

  async showId(): Promise<string> {
    const id = await this.page.locator('[data-show-id]').first().getAttribute('data-show-id');
    if (!id) throw new Error('the show room names no show');
    return id;
  }

  linesState(): Locator {
    return this.page.getByTestId('lines-state');
  }

  /** Opens the lines; a show left open by an earlier test is closed first, so this run has its own episode. */
  async openLines(title: string) {
    if ((await this.linesState().textContent())?.includes('Lines open')) await this.closeLines();
    await this.page.getByLabel('Episode title (optional)').fill(title);
    await this.page.getByRole('button', { name: 'Open lines' }).click();
    await expect(this.linesState()).toHaveText(/Lines open/);
  }

  async closeLines() {
    await this.page.getByRole('button', { name: 'Close lines' }).click();
    await this.page.getByRole('button', { name: 'Yes, close the lines' }).click();
    await expect(this.linesState()).toHaveText(/Lines closed/);
  }

  /**
   * Ends the show with the keyboard only: the button asks first, naming how many callers it releases; Esc keeps
   * the show going (focus returns to the button), then Enter on "Yes, end the show" ends it.
   */
  async endShowByKeyboard(releases: string) {
    const endButton = this.page.getByRole('button', { name: 'End the show…' });
    await endButton.focus();
    await this.page.keyboard.press('Enter');
    const confirm = this.page.getByRole('group', { name: 'Confirm ending the show' });
    await expect(confirm).toContainText(`This releases ${releases}`);
    await expect(confirm.getByRole('button', { name: 'Keep the show going' })).toBeFocused();
    await this.page.keyboard.press('Escape');
    await expect(confirm).toHaveCount(0);
    await expect(endButton).toBeFocused();
    await this.page.keyboard.press('Enter');
    await confirm.getByRole('button', { name: 'Yes, end the show' }).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('status').filter({ hasText: 'The show has ended' })).toHaveText(
      `The show has ended: ${releases} heard goodbye.`,
    );
    await expect(this.linesState()).toHaveText(/Lines closed/);
  }

  count(group: 'queued' | 'screening' | 'ready' | 'on_air' | 'ended'): Locator {
    return this.page.getByTestId(`count-${group}`).locator('.font-mono');
  }

  /** A live call's row in the overview, by the caller's number. */
  call(number: string): Locator {
    return this.page.locator('li[data-call-id]').filter({ hasText: number }).first();
  }

  endedCall(name: string): Locator {
    return this.page.getByRole('listitem', { name: `Ended: ${name}` });
  }
}
