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

  /** Rings from the browser itself: its microphone is the caller's voice and it plays what the phone hears. */
  async ringWithMicrophone(from: string, to: string) {
    await this.page.getByLabel('Show to ring').selectOption(to);
    await this.page.getByLabel('Your made-up number').fill(from);
    await this.page.getByRole('button', { name: /^Call with my microphone/ }).click();
  }

  /** A phone without a microphone speaks a tone or a WAV file (looped). */
  async speak(from: string, voice: { tone: number } | { wav: string }) {
    const form = this.page.getByRole('form', { name: `Voice of ${from}` });
    if ('tone' in voice) {
      await form.getByLabel('Caller speaks').selectOption('tone');
      await form.getByLabel('Hz').fill(String(voice.tone));
    } else {
      await form.getByLabel('Caller speaks').selectOption('wav');
      await form.getByLabel('WAV address').fill(voice.wav);
    }
    await form.getByRole('button', { name: 'Speak' }).click();
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
