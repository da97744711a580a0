import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { E2E_EMULATOR_URL, E2E_SHOW_NUMBER, storageStatePath, type E2eRole } from './e2e-env';
import { EmulatorControl } from './pages/emulator-control';
import { HostConsolePage } from './pages/host-console';
import { ProducerRoomPage } from './pages/producer-room';
import { ScreenConsolePage, type CardInput } from './pages/screen-console';

// Runs after the other specs (file order): it adds a second show, which the others do not expect.
const emulator = new EmulatorControl(E2E_EMULATOR_URL);
const SECOND_SHOW = { name: 'Late Night Lines', slug: 'late-night-lines', number: '+15005550007' };

async function pageAs(browser: Browser, role: E2eRole, viewport = { width: 1440, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStatePath(role), viewport });
  return context.newPage();
}

/** The callers in a list, in the order shown, by the names their items carry ("On deck 1: Ada"). */
async function namesIn(list: Locator): Promise<string[]> {
  return list.getByRole('listitem').evaluateAll((items) => items.map((item) => (item.getAttribute('aria-label') ?? '').replace(/^[^:]*:\s*/, '')));
}

async function screenOntoDeck(screen: ScreenConsolePage, number: string, card: CardInput) {
  await expect(screen.waitingCaller(number)).toBeVisible({ timeout: 15_000 });
  await screen.pickUpNext();
  await screen.expectTalkingTo(number);
  await screen.fillCard(card);
  await screen.approve();
  await screen.expectIdle();
}

test.describe.configure({ mode: 'serial' });
test.beforeEach(async () => {
  await emulator.hangUpEverything();
});

test('a show on a number the emulator does not own is refused in words; "Show created" shows once', async ({ browser }) => {
  const page = await pageAs(browser, 'producer');
  await page.goto('/producer/shows/new');
  await page.getByLabel('Show name').fill(SECOND_SHOW.name);
  await page.getByLabel('Slug').fill(SECOND_SHOW.slug);
  await page.getByLabel('Phone number').fill('0415 555');
  await page.getByRole('button', { name: 'Create show' }).click();
  await expect(page.getByText('Use the international E.164 format', { exact: false })).toBeVisible();
  await page.getByLabel('Phone number').fill('+15551230000');
  await page.getByRole('button', { name: 'Create show' }).click();
  await expect(page.getByText(/only the emulator's numbers ring: use one of .*\+15005550007/).first()).toBeVisible();
  await expect(page.locator('main'), 'no internal field name in any message').not.toContainText(/phoneNumber|maxQueue|offAirMessage/);

  await page.getByLabel('Phone number').fill(SECOND_SHOW.number);
  await page.getByRole('button', { name: 'Create show' }).click();
  await expect(page.getByText('Show created.')).toBeVisible();
  await expect(page, 'a reload does not announce the creation again').not.toHaveURL(/created=/);
  await page.getByRole('button', { name: 'Save show' }).click();
  await expect(page.getByText(`Saved ${SECOND_SHOW.name}.`)).toBeVisible();
  await expect(page.getByText('Show created.')).toHaveCount(0);
  await page.context().close();
});

test('a console keeps its show in the address, the tabs count waiting callers live, and a reload stays on the show', async ({ browser }) => {
  test.setTimeout(120_000);
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  await room.goto();
  await room.openLines('Tabs: morning');
  const morningId = await room.showId();
  await room.page.getByRole('navigation', { name: 'Shows' }).getByRole('link', { name: new RegExp(SECOND_SHOW.name) }).click();
  await expect(room.page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(SECOND_SHOW.name));
  await room.openLines('Tabs: late');
  const lateId = await room.showId();
  expect(lateId).not.toBe(morningId);

  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  await screen.goto(morningId);
  await expect(screen.page).toHaveURL(new RegExp(`show=${morningId}`));
  const lateTab = screen.showTab(SECOND_SHOW.name);
  await expect(lateTab.getByTestId('show-tab-waiting')).toHaveText(/^0/);

  const number = '+14155550141';
  const sid = await emulator.ring(number, SECOND_SHOW.number);
  await expect(lateTab.getByTestId('show-tab-waiting'), 'the other show’s tab counts its waiting caller without a reload').toHaveText(/^1/, { timeout: 15_000 });

  await screen.page.reload();
  await expect(screen.page.getByRole('heading', { level: 1 }), 'a reload stays on the show in the address').toHaveText(/The Morning Call-In/);
  await lateTab.click();
  await expect(screen.page).toHaveURL(new RegExp(`show=${lateId}`));
  await expect(screen.waitingCaller(number)).toBeVisible();
  await screen.page.reload();
  await expect(screen.page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(SECOND_SHOW.name));

  await emulator.hangUp(sid);
  await room.closeLines();
  await room.goto(morningId);
  await room.closeLines();
  for (const page of [room.page, screen.page]) await page.context().close();
});

test('the screener: the heading follows the card as typed, Esc cancels the reject form, and leaving with a live headset asks first', async ({ browser }) => {
  test.setTimeout(120_000);
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  await room.goto();
  await room.openLines('Screener details');
  const showId = await room.showId();
  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  await screen.goto(showId);
  await screen.connectHeadset();

  const number = '+14155550142';
  const sid = await emulator.ring(number, E2E_SHOW_NUMBER);
  await expect(screen.waitingCaller(number)).toBeVisible({ timeout: 15_000 });
  await screen.pickUpNext();
  await screen.expectTalkingTo(number);
  const panel = screen.screeningPanel();
  await panel.getByLabel('Name').fill('Grace Hopper');
  await expect(panel.getByRole('heading', { level: 2, name: /Grace Hopper/ })).toBeVisible();
  await expect(panel.getByTestId('card-save-status')).toHaveText('Saved');
  await expect(panel.getByText('Unnamed caller')).toHaveCount(0);

  await panel.getByRole('button', { name: /Reject…/ }).click();
  await expect(screen.page.getByLabel('Reason', { exact: true })).toBeFocused();
  await screen.page.keyboard.press('Escape');
  await expect(screen.page.getByRole('form', { name: /Reject/ })).toHaveCount(0);
  await expect(panel.getByRole('button', { name: /^Approve/ })).toBeVisible();

  const dialog = screen.page.waitForEvent('dialog');
  await screen.page.close({ runBeforeUnload: true });
  const prompt = await dialog;
  expect(prompt.type(), 'closing the tab with a live headset asks first').toBe('beforeunload');
  await prompt.dismiss();
  await expect(screen.page.locator('[data-audio-status]')).toHaveAttribute('data-audio-status', 'connected');

  await emulator.hangUp(sid);
  await room.closeLines();
  await screen.page.context().close();
  await room.page.context().close();
});

test('quick deck reorders never jump back, and every console shows the same order within one poll', async ({ browser }) => {
  test.setTimeout(180_000);
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  await room.goto();
  await room.openLines('Reorders');
  const showId = await room.showId();
  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  await screen.goto(showId);
  await screen.connectHeadset();
  const host = new HostConsolePage(await pageAs(browser, 'host'));
  await host.goto(showId);

  const callers = [
    { number: '+14155550151', name: 'Ann Arbor' },
    { number: '+14155550152', name: 'Ben Bow' },
    { number: '+14155550153', name: 'Cat Cole' },
    { number: '+14155550154', name: 'Dee Dunn' },
  ];
  const sids: string[] = [];
  for (const caller of callers) {
    sids.push(await emulator.ring(caller.number, E2E_SHOW_NUMBER));
    await screenOntoDeck(screen, caller.number, { name: caller.name, location: 'Here', topic: 'Order', comment: '', priority: 'Normal' });
  }
  await expect.poll(() => namesIn(host.deck())).toEqual(callers.map((c) => c.name));

  // Dee up three places as fast as keys go, then Ann down one: Dee, Ben, Ann, Cat.
  const handle = (name: string) => host.deckCard(name).getByRole('button', { name: new RegExp(`^Reorder ${name}`) });
  await handle('Dee Dunn').focus();
  for (let i = 0; i < 3; i++) await host.page.keyboard.press('ArrowUp');
  await handle('Ann Arbor').focus();
  await host.page.keyboard.press('ArrowDown');
  const wanted = ['Dee Dunn', 'Ben Bow', 'Ann Arbor', 'Cat Cole'];
  expect(await namesIn(host.deck()), 'the host sees the newest order at once').toEqual(wanted);

  // Sample the host's deck every frame for three seconds: an older answer must never put an older order back.
  const seen = await host.page.evaluate(async () => {
    const orders = new Set<string>();
    const list = document.querySelector('ol[aria-label="Callers on deck"]');
    const until = performance.now() + 3000;
    while (performance.now() < until) {
      orders.add([...(list?.querySelectorAll(':scope > li') ?? [])].map((li) => (li.getAttribute('aria-label') ?? '').replace(/^[^:]*:\s*/, '')).join('|'));
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return [...orders];
  });
  expect(seen, 'the host’s deck never jumped back').toEqual([wanted.join('|')]);
  // One poll is a second; the consoles already had three while the host was watched.
  expect(await namesIn(screen.deckList()), 'the screener’s deck').toEqual(wanted);
  expect(await namesIn(room.page.getByRole('list', { name: 'Callers on deck' })), 'the producer’s deck').toEqual(wanted);

  for (const sid of sids) await emulator.hangUp(sid);
  await room.closeLines();
  for (const page of [room.page, screen.page, host.page]) await page.context().close();
});
