import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { E2E_EMULATOR_URL, E2E_SHOW_NUMBER, storageStatePath, type E2eRole } from './e2e-env';
import { expectAccessible } from './pages/accessibility';
import { EmulatorControl } from './pages/emulator-control';
import { HostConsolePage } from './pages/host-console';
import { PhoneSimulatorPage } from './pages/phone-simulator';
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
  return list
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => (item.getAttribute('aria-label') ?? '').replace(/^[^:]*:\s*/, '')));
}

/** The show room on the demo show (the other show was on air more recently, so it is no longer the default). */
async function morningShowRoom(browser: Browser): Promise<ProducerRoomPage> {
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  await room.goto();
  const tab = room.page.getByRole('navigation', { name: 'Shows' }).getByRole('link', { name: /The Morning Call-In/ });
  if (await tab.count()) await tab.click();
  await expect(room.page.getByRole('heading', { level: 1 })).toHaveText(/The Morning Call-In/);
  return room;
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

test('every page has a favicon, so no page logs a 404 for one', async ({ browser }) => {
  const page = await pageAs(browser, 'producer');
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto('/producer');
  // app/icon.svg for browsers that take an SVG, app/favicon.ico for the ones (and tools) that ask for /favicon.ico.
  const hrefs = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of [...hrefs, '/favicon.ico'])
    expect((await page.request.get(href ?? '')).status(), href ?? '').toBe(200);
  await page.goto('/producer/history');
  expect(missing).toEqual([]);
  await page.context().close();
});

test('a show on a number the emulator does not own is refused in words; "Show created" shows once', async ({
  browser,
}) => {
  const page = await pageAs(browser, 'producer');
  await page.goto('/producer/shows/new');
  await page.getByLabel('Show name').fill(SECOND_SHOW.name);
  await page.getByLabel('Slug').fill(SECOND_SHOW.slug);
  await page.getByLabel('Phone number').fill('0415 555');
  await page.getByRole('button', { name: 'Create show' }).click();
  await expect(page.getByText('Use the international E.164 format', { exact: false })).toBeVisible();
  await page.getByLabel('Phone number').fill('+15551230000');
  await page.getByRole('button', { name: 'Create show' }).click();
  await expect(
    page.getByText(/\+15551230000 cannot ring in rehearsal mode: use a number the Twilio emulator owns/).first(),
  ).toBeVisible();
  await expect(page.locator('main'), 'no internal field name in any message').not.toContainText(
    /phoneNumber|maxQueue|offAirMessage/,
  );

  await page.getByLabel('Phone number').fill(SECOND_SHOW.number);
  await page.getByRole('button', { name: 'Create show' }).click();
  await expect(page.getByText('Show created.')).toBeVisible();
  await expect(page, 'a reload does not announce the creation again').not.toHaveURL(/created=/);
  await page.getByRole('button', { name: 'Save show' }).click();
  await expect(page.getByText(`Saved ${SECOND_SHOW.name}.`)).toBeVisible();
  await expect(page.getByText('Show created.')).toHaveCount(0);
  await page.context().close();
});

test('a console keeps its show in the address, the tabs count waiting callers live, and a reload stays on the show', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  await room.goto();
  await room.openLines('Tabs: morning');
  const morningId = await room.showId();
  await room.page
    .getByRole('navigation', { name: 'Shows' })
    .getByRole('link', { name: new RegExp(SECOND_SHOW.name) })
    .click();
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
  await expect(
    lateTab.getByTestId('show-tab-waiting'),
    'the other show’s tab counts its waiting caller without a reload',
  ).toHaveText(/^1/, { timeout: 15_000 });

  await screen.page.reload();
  await expect(screen.page.getByRole('heading', { level: 1 }), 'a reload stays on the show in the address').toHaveText(
    /The Morning Call-In/,
  );
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

test('the screener: the heading follows the card as typed, Esc cancels the reject form, and leaving with a live headset asks first', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const room = await morningShowRoom(browser);
  await room.openLines('Screener details');
  const showId = await room.showId();
  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  await screen.goto(showId);
  const wearing = screen.page.getByLabel('I am wearing headphones');
  expect((await wearing.boundingBox())?.width ?? 0, 'the headphones checkbox is a 24 px target').toBeGreaterThanOrEqual(
    24,
  );
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

test('the simulator names the person a caller talks with, and says a caller on deck listens to the show', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const room = await morningShowRoom(browser);
  await room.openLines('Simulator words');
  const showId = await room.showId();
  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  await screen.goto(showId);
  await screen.connectHeadset();
  const host = new HostConsolePage(await pageAs(browser, 'host'));
  await host.goto(showId);
  await host.connectHeadset();
  const simulator = new PhoneSimulatorPage(
    await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage(),
  );
  await simulator.goto();
  const caller = '+13125550143';
  await simulator.ring(caller, E2E_SHOW_NUMBER);
  await expect(simulator.phone(caller), 'a rung phone appears at once').toBeVisible();
  await expect(screen.waitingCaller(caller)).toBeVisible({ timeout: 15_000 });
  await screen.pickUpNext();
  await screen.expectTalkingTo(caller);
  await expect(simulator.phone(caller)).toContainText('Talking with Sam Screener', { timeout: 15_000 });
  await expect(simulator.phone(caller)).not.toContainText('user-');
  await screen.fillCard({
    name: 'Ida Listener',
    location: 'Here',
    topic: 'Listening',
    comment: '',
    priority: 'Normal',
  });
  await screen.approve();
  await expect(simulator.phone(caller)).toContainText(/Listening to the show: .*Harper Host/, { timeout: 15_000 });
  await expect(simulator.phone(caller)).not.toContainText('Talking with');
  await simulator.hangUp(caller);
  await room.closeLines();
  for (const page of [room.page, screen.page, host.page, simulator.page]) await page.context().close();
});

test('quick deck reorders never jump back, and every console shows the same order within one poll', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const room = await morningShowRoom(browser);
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
    await screenOntoDeck(screen, caller.number, {
      name: caller.name,
      location: 'Here',
      topic: 'Order',
      comment: '',
      priority: 'Normal',
    });
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
      orders.add(
        [...(list?.querySelectorAll(':scope > li') ?? [])]
          .map((li) => (li.getAttribute('aria-label') ?? '').replace(/^[^:]*:\s*/, ''))
          .join('|'),
      );
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return [...orders];
  });
  expect(seen, 'the host’s deck never jumped back').toEqual([wanted.join('|')]);
  // One poll is a second; the consoles already had three while the host was watched.
  expect(await namesIn(screen.deckList()), 'the screener’s deck').toEqual(wanted);
  expect(await namesIn(room.page.getByRole('list', { name: 'Callers on deck' })), 'the producer’s deck').toEqual(
    wanted,
  );

  for (const sid of sids) await emulator.hangUp(sid);
  await room.closeLines();
  for (const page of [room.page, screen.page, host.page]) await page.context().close();
});

test('the walk-through: three roles, four callers, every action by keyboard and button, phone and tablet widths, accessible with live data', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const room = await morningShowRoom(browser);
  const showId = await room.showId();
  await room.page.goto(`/producer/shows/${showId}`);
  await room.page.getByLabel('On-air limit').fill('2');
  await room.page.getByRole('button', { name: 'Save show' }).click();
  await expect(room.page.getByText(/^Saved /)).toBeVisible();
  await room.goto(showId);
  await room.openLines('Walk-through');

  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  await screen.goto(showId);
  await screen.connectHeadset();
  const host = new HostConsolePage(await pageAs(browser, 'host'));
  await host.goto(showId);

  // Single-key shortcuts can be turned off (WCAG 2.1.4); the setting is the account's, so a reload keeps it.
  const hostKeys = host.page.getByLabel('Single-key shortcuts');
  await expect(hostKeys).toBeChecked();
  const saved = host.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/host'));
  await hostKeys.uncheck();
  await saved;
  await host.page.reload();
  await expect(hostKeys).not.toBeChecked();
  await host.connectHeadset();

  const ada = { number: '+14155550161', name: 'Ada Lovelace' };
  const bob = { number: '+14155550162', name: 'Bob Troll' };
  const cyd = { number: '+14155550163', name: 'Cyd Charisse' };
  const dee = { number: '+14155550164', name: 'Dee Dee' };
  const sids = new Map<string, string>();
  for (const caller of [ada, bob, cyd, dee]) {
    sids.set(caller.name, await emulator.ring(caller.number, E2E_SHOW_NUMBER));
    await expect(screen.waitingCaller(caller.number)).toBeVisible({ timeout: 15_000 });
  }
  await expect(room.count('queued')).toHaveText('4');
  await expectAccessible(screen.page, 'the screening console with four callers waiting');
  await expectAccessible(room.page, 'the show room with four callers waiting');

  // The screener by keyboard: N picks up, Esc leaves the card, A approves.
  await screen.page.keyboard.press('n');
  await screen.expectTalkingTo(ada.number);
  await screen.fillCard({ name: ada.name, location: 'London', topic: 'Engines', comment: 'Loops', priority: 'High' });
  await expectAccessible(screen.page, 'the screening console while talking to a caller');
  await screen.page.keyboard.press('Escape');
  await screen.page.keyboard.press('a');
  await screen.expectIdle();

  // R opens the reject form, Esc cancels it, then a reason rejects.
  await screen.pickUpNext();
  await screen.expectTalkingTo(bob.number);
  await screen.fillCard({ name: bob.name, location: 'Nowhere', topic: 'Shouting', comment: '', priority: 'Low' });
  await screen.page.keyboard.press('Escape');
  await screen.page.keyboard.press('r');
  await expect(screen.page.getByRole('form', { name: `Reject ${bob.name}` })).toBeVisible();
  await screen.page.keyboard.press('Escape');
  await expect(screen.page.getByRole('form', { name: `Reject ${bob.name}` })).toHaveCount(0);
  await screen.reject('Inappropriate');
  await emulator.waitFor(
    sids.get(bob.name) ?? '',
    "Bob's call ends after the rejection",
    (c) => c.status === 'completed',
  );
  await screenOntoDeck(screen, cyd.number, {
    name: cyd.name,
    location: 'Amarillo',
    topic: 'Dancing',
    comment: '',
    priority: 'Normal',
  });
  await screenOntoDeck(screen, dee.number, {
    name: dee.name,
    location: 'Boston',
    topic: 'Punk',
    comment: '',
    priority: 'Normal',
  });
  await expect.poll(() => namesIn(host.deck())).toEqual([ada.name, cyd.name, dee.name]);

  // With single-key shortcuts off, N airs nobody.
  const airs: string[] = [];
  host.page.on('request', (request) => {
    if (/\/api\/calls\/[^/]+\/air$/.test(request.url())) airs.push(request.url());
  });
  await host.page.keyboard.press('n');
  const savedOn = host.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/host'));
  await hostKeys.check();
  await savedOn;
  expect(airs, 'no caller went on air by a key while shortcuts were off').toEqual([]);
  await host.page.keyboard.press('Escape');

  // N: the next caller (first on deck) on air. A: the deck caller in focus on air.
  await host.page.keyboard.press('n');
  await expect(host.onAirCard(ada.name)).toBeVisible();
  await host
    .deckCard(dee.name)
    .getByRole('button', { name: new RegExp(`^Reorder ${dee.name}`) })
    .focus();
  await host.page.keyboard.press('a');
  await expect(host.onAirCard(dee.name)).toBeVisible();
  await expect(host.page.getByTestId('on-air-limit'), 'the host is warned at the on-air limit').toContainText(
    '2 of 2 callers are on air',
  );
  await expect(host.deckCard(cyd.name).getByRole('button', { name: `Put on air: ${cyd.name}` })).toBeDisabled();
  await host.page.keyboard.press('n');
  await expect(host.page.getByRole('alert').filter({ hasText: 'On-air limit reached' })).toBeVisible();
  await expectAccessible(host.page, 'the host console with two callers on air');
  await expectAccessible(room.page, 'the show room with two callers on air');

  // M mutes and unmutes, B sends back to deck, D drops after Enter confirms (the first on air each time: Ada, then Dee).
  const settled = (card: Locator) => expect(card.getByText(/moving…|sending…/)).toHaveCount(0, { timeout: 15_000 });
  await host.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await settled(host.onAirCard(ada.name));
  await host.page.keyboard.press('m');
  await expect(host.onAirCard(ada.name)).toContainText('MUTED');
  await settled(host.onAirCard(ada.name));
  await host.page.keyboard.press('m');
  await expect(host.onAirCard(ada.name)).not.toContainText('MUTED');
  await settled(host.onAirCard(ada.name));
  await host.page.keyboard.press('b');
  await expect(host.deckCard(ada.name)).toBeVisible();
  await settled(host.onAirCard(dee.name));
  await host.page.keyboard.press('d');
  await expect(host.page.getByRole('button', { name: `Yes, drop ${dee.name}` })).toBeFocused();
  await host.page.keyboard.press('Escape');
  await expect(host.page.getByRole('button', { name: `Yes, drop ${dee.name}` }), 'Esc keeps the caller').toHaveCount(0);
  await host.page.keyboard.press('d');
  await host.page.keyboard.press('Enter');
  await emulator.waitFor(sids.get(dee.name) ?? '', "Dee's call ends when dropped", (c) => c.status === 'completed');

  // The producer has the host's controls in the show room, as fresh as the host's.
  const producerDeck = room.page.getByRole('list', { name: 'Callers on deck' });
  await producerDeck.getByRole('button', { name: `Put on air: ${cyd.name}` }).click();
  await expect(host.onAirCard(cyd.name)).toBeVisible();
  await room.page.getByRole('button', { name: `Mute ${cyd.name}` }).click();
  await expect(host.onAirCard(cyd.name)).toContainText('MUTED');
  await room.page.getByRole('button', { name: `Back to deck: ${cyd.name}` }).click();
  await expect(host.deckCard(cyd.name)).toBeVisible();
  await expect.poll(() => namesIn(producerDeck)).toEqual(await namesIn(host.deck()));
  await expectAccessible(room.page, 'the show room with callers on deck');

  // A phone (390 px): the queue and the caller's card come before the headset panel.
  const eve = { number: '+14155550165', name: 'Eve Online' };
  sids.set(eve.name, await emulator.ring(eve.number, E2E_SHOW_NUMBER));
  await screen.page.setViewportSize({ width: 390, height: 844 });
  await expect(screen.waitingCaller(eve.number)).toBeVisible({ timeout: 15_000 });
  const top = async (locator: Locator) => (await locator.boundingBox())?.y ?? Number.POSITIVE_INFINITY;
  const headset = screen.page.getByRole('region', { name: 'Headset' });
  expect(await top(screen.waitingList())).toBeLessThan(await top(headset));
  await expectAccessible(screen.page, 'the screening console at 390 px');
  await screen.pickUpNext();
  await screen.expectTalkingTo(eve.number);
  expect(await top(screen.screeningPanel()), 'the card comes first on a phone').toBeLessThan(
    await top(screen.waitingList()),
  );
  expect(await top(screen.screeningPanel())).toBeLessThan(await top(headset));
  await screen.fillCard({ name: eve.name, location: 'Paris', topic: 'Games', comment: '', priority: 'Normal' });
  await screen.approve();
  await screen.expectIdle();

  await host.page.setViewportSize({ width: 390, height: 844 });
  expect(await top(host.deck())).toBeLessThan(await top(host.page.getByRole('region', { name: 'Headset' })));
  await expectAccessible(host.page, 'the host console at 390 px');
  for (const page of [host.page, screen.page, room.page]) {
    await page.setViewportSize({ width: 820, height: 1180 });
    await expectAccessible(page, `${new URL(page.url()).pathname} at tablet width`);
  }

  for (const sid of sids.values()) await emulator.hangUp(sid).catch(() => undefined);
  await room.closeLines();
  for (const page of [room.page, screen.page, host.page]) await page.context().close();
});
