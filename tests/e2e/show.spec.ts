import { expect, test, type Browser } from '@playwright/test';
import { E2E_BASE_URL, E2E_EMULATOR_URL, E2E_SHOW_NUMBER, storageStatePath, type E2eRole } from './e2e-env';
import { EmulatorControl, hearsCaller, hearsStaff } from './pages/emulator-control';
import { HostConsolePage } from './pages/host-console';
import { ProducerRoomPage } from './pages/producer-room';
import { keepScreenshot } from './pages/screenshots';
import { ScreenConsolePage } from './pages/screen-console';

const emulator = new EmulatorControl(E2E_EMULATOR_URL);

async function pageAs(browser: Browser, role: E2eRole) {
  const context = await browser.newContext({
    storageState: storageStatePath(role),
    viewport: { width: 1440, height: 1000 },
  });
  return context.newPage();
}

test.describe.configure({ mode: 'serial' });
test.beforeEach(async () => {
  await emulator.hangUpEverything();
});

test('a whole show in rehearsal: screener, host and producer with three simulated callers', async ({ browser }) => {
  test.setTimeout(240_000);
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  const host = new HostConsolePage(await pageAs(browser, 'host'));

  await room.goto();
  await room.openLines('Rehearsal show');
  await screen.goto();
  await screen.connectHeadset();
  await host.goto();
  await host.connectHeadset();

  const ada = { number: '+14155550101', name: 'Ada Lovelace' };
  const bob = { number: '+14155550102', name: 'Bob Troll' };
  const cyd = { number: '+14155550103', name: 'Cyd Charisse' };
  const adaSid = await emulator.ring(ada.number, E2E_SHOW_NUMBER);
  await expect(screen.waitingCaller(ada.number)).toBeVisible({ timeout: 15_000 });
  const bobSid = await emulator.ring(bob.number, E2E_SHOW_NUMBER);
  await expect(screen.waitingCaller(bob.number)).toBeVisible({ timeout: 15_000 });
  const cydSid = await emulator.ring(cyd.number, E2E_SHOW_NUMBER);
  await expect(screen.waitingCaller(cyd.number)).toBeVisible({ timeout: 15_000 });
  await expect(screen.waitingList().getByRole('listitem')).toHaveCount(3);
  await expect(screen.waitingCaller(ada.number)).toContainText(/Wait \d+:\d\d/);
  await emulator.waitFor(
    adaSid,
    'a waiting caller hears hold audio, alone',
    (c) => c.hears?.kind === 'wait' && (c.room ?? '').startsWith('hold-'),
  );
  await expect(room.count('queued')).toHaveText('3');

  // Longest waiting first: Ada.
  await screen.pickUpNext();
  await screen.expectTalkingTo(ada.number);
  await emulator.waitFor(
    adaSid,
    'Ada hears the screener in the screening room',
    (c) => (c.room ?? '').startsWith('screen-') && hearsStaff(c),
  );
  await emulator.waitFor(bobSid, 'Bob still hears hold audio, not the screening', (c) => c.hears?.kind === 'wait');
  await screen.fillCard({
    name: ada.name,
    location: 'London',
    topic: 'Analytical engines',
    comment: 'Wants to talk about loops',
    priority: 'High',
  });
  await keepScreenshot(screen.page, 'screen-console', { forReadme: true });
  await screen.approve();
  await expect(screen.deckList().getByRole('listitem').filter({ hasText: ada.name })).toBeVisible();
  await expect(host.deckCard(ada.name)).toContainText('Analytical engines');
  await expect(host.deckCard(ada.name)).toContainText('High priority');
  await emulator.waitFor(
    adaSid,
    'Ada on deck is in the live room, muted',
    (c) => (c.room ?? '').startsWith('live-') && c.participant?.muted === true,
  );

  // Bob is rejected with a reason; his call ends.
  await screen.pickUpNext();
  await screen.expectTalkingTo(bob.number);
  await emulator.waitFor(bobSid, 'Bob hears the screener', (c) => hearsStaff(c));
  await screen.fillCard({ name: bob.name, location: 'Nowhere', topic: 'Shouting', comment: '', priority: 'Low' });
  await screen.reject('Inappropriate');
  await emulator.waitFor(bobSid, "Bob's call ends after the rejection", (c) => c.status === 'completed');
  await expect(room.endedCall(bob.name)).toContainText('rejected');

  await screen.pickUpNext();
  await screen.expectTalkingTo(cyd.number);
  await screen.fillCard({
    name: cyd.name,
    location: 'Amarillo',
    topic: 'Dancing',
    comment: 'Big fan',
    priority: 'Normal',
  });
  await screen.approve();
  await screen.expectIdle();
  await expect(screen.page.getByRole('button', { name: /on air/i })).toHaveCount(0);

  // The host sees the deck in order, numbers masked to the last four digits.
  await expect(host.deck().getByRole('listitem')).toHaveCount(2);
  await expect(host.deck().getByRole('listitem').first()).toContainText(ada.name);
  await expect(host.deckCard(ada.name).getByTestId('caller-number')).toHaveText('••• 0101');
  expect(await host.page.content()).not.toContain(ada.number);
  await host.moveUp(cyd.name);
  await expect(host.deck().getByRole('listitem').first()).toContainText(cyd.name);
  await host.page.reload();
  await expect(host.deck().getByRole('listitem').first()).toContainText(cyd.name);
  await host.connectHeadset();

  await host.putOnAir(ada.name);
  await host.putOnAir(cyd.name);
  await expect(host.onAir().getByRole('listitem')).toHaveCount(2);
  await expect(host.onAirCard(ada.name)).toContainText(/On air \d+:\d\d/);
  await emulator.waitFor(
    adaSid,
    'Ada on air hears the host and Cyd',
    (c) => c.participant?.muted === false && hearsStaff(c) && hearsCaller(c, cydSid),
  );
  await emulator.waitFor(
    cydSid,
    'Cyd on air hears Ada',
    (c) => c.participant?.muted === false && hearsCaller(c, adaSid),
  );
  await expect(room.count('on_air')).toHaveText('2');
  await keepScreenshot(host.page, 'host-console', { forReadme: true });
  await keepScreenshot(room.page, 'producer-room', { forReadme: true });

  // Drop asks first; then Ada's call ends.
  await host.drop(ada.name);
  await emulator.waitFor(adaSid, "Ada's call ends when dropped", (c) => c.status === 'completed');
  await expect(host.onAir().getByRole('listitem')).toHaveCount(1);

  // Cyd goes back to the deck (muted again) and hangs up there.
  await host.backToDeck(cyd.name);
  await expect(host.deckCard(cyd.name)).toBeVisible();
  await emulator.waitFor(cydSid, 'Cyd on deck is muted', (c) => c.participant?.muted === true);
  await emulator.hangUp(cydSid);
  await expect(host.deck().getByRole('listitem')).toHaveCount(0, { timeout: 15_000 });
  await expect(room.endedCall(cyd.name)).toContainText('gone (the caller hung up)');

  await room.closeLines();
  await expect(screen.page.getByTestId('lines-state')).toHaveText(/Lines closed/);
  await expect(host.page.getByTestId('lines-state')).toHaveText(/Lines closed/);
  const lateSid = await emulator.ring('+14155550104', E2E_SHOW_NUMBER);
  await emulator.waitFor(
    lateSid,
    'a call after closing hears the off-air message',
    (c) => c.hears?.kind === 'say' || c.status === 'completed',
  );
  await keepScreenshot(screen.page, 'screen-console-end');

  for (const page of [room.page, screen.page, host.page]) await page.context().close();
});

test("each console renders the board on the server, an unchanged poll is answered 304, and a visible console's poll is held until something changes", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(90_000);
  const room = new ProducerRoomPage(await pageAs(browser, 'producer'));
  await room.goto();
  await room.openLines('First view');
  const showId = await room.showId();
  const number = '+14155550199';
  const sid = await emulator.ring(number, E2E_SHOW_NUMBER);
  await expect(room.count('queued')).toHaveText('1', { timeout: 15_000 });

  for (const role of ['screener', 'host', 'producer'] as const) {
    const api = await playwright.request.newContext({ baseURL: E2E_BASE_URL, storageState: storageStatePath(role) });
    const path = role === 'screener' ? '/screen' : role === 'host' ? '/host' : '/producer';
    const html = await (await api.get(path)).text();
    if (role === 'host') {
      expect(html, 'the host console lists the waiting count without any script').toMatch(
        /Waiting: <strong>1<\/strong>/,
      );
      expect(html).not.toContain(number);
    } else {
      expect(html, `${path} already holds the waiting caller in its first HTML`).toContain(number);
    }
    const url = `/api/shows/${showId}/console`;
    const first = await api.get(url);
    expect(first.status()).toBe(200);
    const etag = first.headers()['etag'];
    expect(etag).toBeTruthy();
    const again = await api.get(url, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status(), 'a poll that finds nothing new').toBe(304);
    expect(await again.body()).toHaveLength(0);
    // The caller's call may still be settling: a change during the wait is answered at once with the new view.
    let current = etag ?? '';
    for (let attempt = 0; ; attempt++) {
      const started = Date.now();
      const held = await api.get(url, { headers: { 'if-none-match': current, prefer: 'wait=1' } });
      expect(held.headers()['preference-applied']).toBe('wait=1');
      if (held.status() === 304) {
        expect(Date.now() - started, 'it was held for the wait asked for').toBeGreaterThanOrEqual(1000);
        break;
      }
      expect(held.status()).toBe(200);
      expect(held.headers()['etag'], 'a held poll answered early has something new').not.toBe(current);
      expect(attempt, 'a held poll that finds nothing new').toBeLessThan(5);
      current = held.headers()['etag'] ?? '';
    }
    await api.dispose();
  }

  const screen = new ScreenConsolePage(await pageAs(browser, 'screener'));
  const heldStatuses: number[] = [];
  const heldSent: string[] = [];
  screen.page.on('request', (request) => {
    const prefer = request.headers()['prefer'];
    if (request.url().includes(`/api/shows/${showId}/console`) && prefer) heldSent.push(prefer);
  });
  screen.page.on('response', (response) => {
    if (response.url().includes(`/api/shows/${showId}/console`) && response.request().headers()['prefer'])
      heldStatuses.push(response.status());
  });
  await screen.goto();
  await expect(screen.waitingCaller(number)).toBeVisible();
  await expect
    .poll(() => heldSent.length, { message: 'the visible console asks for its poll to be held', timeout: 10_000 })
    .toBeGreaterThanOrEqual(1);
  expect(heldSent[0]).toBe('wait=25');

  await emulator.hangUp(sid);
  await expect(screen.waitingList().getByRole('listitem')).toHaveCount(0, { timeout: 15_000 });
  expect(heldStatuses, 'the held poll is answered with the new board').toContain(200);
  await room.closeLines();
  await room.page.context().close();
  await screen.page.context().close();
});
