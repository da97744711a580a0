import { expect, test } from '@playwright/test';
import { E2E_EMULATOR_URL, E2E_SHOW_NUMBER, storageStatePath } from './e2e-env';
import { EmulatorControl, hearsStaff } from './pages/emulator-control';
import { HostConsolePage } from './pages/host-console';
import { ProducerRoomPage } from './pages/producer-room';
import { RegularsPage } from './pages/regulars-page';
import { ScreenConsolePage } from './pages/screen-console';
import { keepScreenshot } from './pages/screenshots';

const emulator = new EmulatorControl(E2E_EMULATOR_URL);

test.describe('the producer’s show room', () => {
  test.use({ storageState: storageStatePath('producer') });
  test.beforeEach(async () => {
    await emulator.hangUpEverything();
  });

  test('blocks a caller from a call in one click with a reason; the door then refuses them until unblocked', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const room = new ProducerRoomPage(page);
    await room.goto();
    await room.openLines('Block list show');
    const troll = '+14155550666';
    const sid = await emulator.ring(troll, E2E_SHOW_NUMBER);
    const row = page.getByRole('listitem').filter({ hasText: troll }).first();
    await expect(row).toBeVisible({ timeout: 15_000 });
    await row.getByRole('button', { name: /^Block / }).click();
    await row.getByLabel('Reason').fill('Prank caller');
    await row.getByRole('button', { name: 'Block number' }).click();
    await expect(row.getByRole('status')).toHaveText(/Blocked/);
    await emulator.hangUp(sid);

    const again = await emulator.ring(troll, E2E_SHOW_NUMBER);
    await emulator.waitFor(
      again,
      'a blocked number is turned away at the door',
      (c) => c.hears?.kind === 'say' || c.status === 'completed',
    );
    await expect
      .poll(async () => (await emulator.call(again)).room, { message: 'the blocked caller never reaches a room' })
      .toBeNull();

    await page.goto('/producer/blocks');
    const entry = page.getByRole('list', { name: 'Blocked numbers' }).getByRole('listitem').filter({ hasText: troll });
    await expect(entry).toContainText('Prank caller');
    await entry.getByRole('button', { name: `Unblock ${troll}` }).click();
    await expect(page.getByText('Nobody is blocked.')).toBeVisible();
    const welcome = await emulator.ring(troll, E2E_SHOW_NUMBER);
    await emulator.waitFor(welcome, 'an unblocked number is queued again', (c) => (c.room ?? '').startsWith('hold-'));
    await emulator.hangUp(welcome);
    await room.goto();
    await room.closeLines();
  });

  test('ends the show after saying how many callers it releases; they are hung up and the next episode starts empty', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const room = new ProducerRoomPage(page);
    await room.goto();
    await room.openLines('End of show');
    const first = await emulator.ring('+14155550671', E2E_SHOW_NUMBER);
    const second = await emulator.ring('+14155550672', E2E_SHOW_NUMBER);
    await expect(room.count('queued')).toHaveText('2', { timeout: 15_000 });
    await room.endShowByKeyboard('2 callers');
    for (const sid of [first, second]) {
      await emulator.waitFor(sid, 'a released caller is hung up after the goodbye', (c) => c.status === 'completed');
    }
    for (const number of ['+14155550671', '+14155550672']) {
      await expect(room.endedCall(`caller ${number}`)).toContainText('Show ended');
    }
    await expect(page.getByRole('button', { name: 'End the show…' })).toHaveCount(0);
    await page.getByLabel('Episode title (optional)').fill('After the end');
    await page.getByRole('button', { name: 'Open lines' }).click();
    await expect(room.linesState()).toHaveText(/Lines open/);
    for (const group of ['queued', 'screening', 'ready', 'on_air', 'ended'] as const) {
      await expect(room.count(group)).toHaveText('0');
    }
    await room.closeLines();
  });

  test('lets the host end the show from the host console too', async ({ page, browser }) => {
    test.setTimeout(120_000);
    const room = new ProducerRoomPage(page);
    await room.goto();
    await room.openLines('Host ends it');
    const sid = await emulator.ring('+14155550673', E2E_SHOW_NUMBER);
    await expect(room.count('queued')).toHaveText('1', { timeout: 15_000 });
    const hostContext = await browser.newContext({ storageState: storageStatePath('host') });
    const host = await hostContext.newPage();
    await new HostConsolePage(host).goto(await room.showId());
    await host.getByRole('button', { name: 'End the show…' }).click();
    const confirm = host.getByRole('group', { name: 'Confirm ending the show' });
    await expect(confirm).toContainText('This releases 1 caller (');
    await confirm.getByRole('button', { name: 'Yes, end the show' }).click();
    await expect(host.getByRole('status').filter({ hasText: 'The show has ended' })).toHaveText(
      'The show has ended: 1 caller heard goodbye.',
    );
    await emulator.waitFor(sid, 'the released caller is hung up after the goodbye', (c) => c.status === 'completed');
    await expect(room.linesState()).toHaveText(/Lines closed/);
    await hostContext.close();
  });

  test('marks a regular, who then waits first with a badge and their note on the card; screeners see estimated waits', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const room = new ProducerRoomPage(page);
    await room.goto();
    await room.openLines('Regulars show');
    const showId = await room.showId();
    const regulars = new RegularsPage(page);
    await regulars.goto();
    const regular = '+14155550777';
    await regulars.add(regular, 'Knows the trains');

    const early = '+14155550701';
    const later = '+14155550702';
    for (const from of [early, later, regular]) {
      const sid = await emulator.ring(from, E2E_SHOW_NUMBER);
      await emulator.waitFor(sid, 'the caller in its hold room', (c) => (c.room ?? '').startsWith('hold-'));
    }
    const screenerContext = await browser.newContext({ storageState: storageStatePath('screener') });
    const screen = new ScreenConsolePage(await screenerContext.newPage());
    await screen.goto(showId);
    await expect.poll(() => screen.waitingNumbers(), { timeout: 15_000 }).toEqual([regular, early, later]);
    await expect(screen.regularBadge(regular)).toHaveText(/Regular/);
    await expect(screen.regularBadge(early)).toHaveCount(0);
    // No pick-up yet in this episode: no pace, so no estimate rather than a made-up one.
    await expect(screen.estimatedWait(early)).toHaveCount(0);

    await screen.pickUpNext();
    await screen.expectTalkingTo(regular);
    await expect(screen.screeningPanel().getByTestId('regular-badge')).toBeVisible();
    await expect(screen.screeningPanel().getByLabel('Comment for the host')).toHaveValue('Knows the trains');
    // One pick-up sets the pace: each waiting caller now shows their estimated wait.
    await expect(screen.estimatedWait(early)).toHaveText(/^Est\. wait (under a minute|about \d+ min)$/);
    await expect(screen.estimatedWait(later)).toHaveText(/^Est\. wait (under a minute|about \d+ min)$/);
    await keepScreenshot(screen.page, 'screen-console-regular-and-waits');
    await screenerContext.close();
    // The producer's overview carries the badge too.
    await room.goto(showId);
    await expect(room.call(regular).getByTestId('regular-badge')).toBeVisible();
    await expect(room.call(early).getByTestId('regular-badge')).toHaveCount(0);

    await emulator.hangUpEverything();
    await regulars.goto();
    await regulars.remove(regular);
    await room.goto();
    await room.closeLines();
  });

  test('rings back a caller who chose a callback, with their place kept, into the room of the screener who picks them up', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const room = new ProducerRoomPage(page);
    await room.goto();
    await room.openLines('Callbacks show');
    const showId = await room.showId();

    const patient = '+14155550801';
    const behind = '+14155550802';
    const sid = await emulator.ring(patient, E2E_SHOW_NUMBER);
    await emulator.waitFor(sid, 'the caller in its hold room', (c) => (c.room ?? '').startsWith('hold-'));
    const behindSid = await emulator.ring(behind, E2E_SHOW_NUMBER);
    await emulator.waitFor(behindSid, 'the caller behind in its hold room', (c) => (c.room ?? '').startsWith('hold-'));
    expect((await emulator.press(sid, '*')).leftConference).toBe(true);
    await expect.poll(async () => (await emulator.press(sid, '1')).gathered, { timeout: 15_000 }).toBe(true);
    await emulator.waitFor(sid, 'the call ends after "we will call you back"', (c) => c.status === 'completed');

    const screenerContext = await browser.newContext({ storageState: storageStatePath('screener') });
    const screen = new ScreenConsolePage(await screenerContext.newPage());
    await screen.goto(showId);
    await screen.connectHeadset();
    await expect.poll(() => screen.waitingNumbers(), { timeout: 15_000 }).toEqual([patient, behind]);
    await expect(screen.waitingCaller(patient)).toContainText('Callback');
    await expect(screen.waitingCaller(patient)).toContainText('Wait');
    await keepScreenshot(screen.page, 'screen-console-callback-waiting');

    await emulator.answerPolicy(patient, 'answer', 2000);
    await screen.callBack(patient);
    // While the phone rings the screener stays in their room, and can see it ringing.
    await screen.expectCallingBack(patient);
    const ringback = await emulator.latestCallTo(patient);
    await emulator.waitFor(ringback, 'the rung-back caller in the screening room, hearing the screener', (c) =>
      Boolean(c.room?.startsWith('screen-') && hearsStaff(c)),
    );
    await screen.expectTalkingTo(patient);
    await expect(screen.screeningPanel().getByRole('heading', { name: 'Talking to' })).toBeVisible();
    expect(await screen.waitingNumbers()).toEqual([behind]);
    await screenerContext.close();

    await emulator.hangUpEverything();
    await room.goto();
    await room.closeLines();
  });

  test('searches the call history, exports it as CSV, and shows the stats chart', async ({ page }) => {
    await page.goto('/producer/history');
    await page.getByLabel('Number or name').fill('0666');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('table')).toContainText('+14155550666');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download CSV' }).click();
    const csv = await (await download).path().then((p) => import('node:fs').then((fs) => fs.readFileSync(p, 'utf8')));
    expect(csv.split('\r\n')[0]).toContain('phone_number');
    expect(csv, 'phone numbers as they are, with no quote mark in front').toContain('"+14155550666"');
    expect(csv).not.toContain("'+14155550666");
    expect(csv).not.toContain('+14155550101');
    expect(csv, 'times in ISO 8601 with an offset').toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00,/m);
    await expect(page.getByRole('table').locator('time').first(), 'times on the page name their zone').toHaveText(
      /UTC|GMT|[A-Z]{3}/,
    );
    await page.getByLabel('Outcome').selectOption('blocked');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('table').getByRole('row')).not.toHaveCount(1);

    await page.goto('/producer/stats');
    await expect(page.getByRole('img', { name: /Calls per episode/ })).toBeVisible();
    await expect(page.getByRole('row', { name: 'Stats of Block list show' })).toBeVisible();
    await keepScreenshot(page, 'producer-stats', { forReadme: true });
  });

  test('issues an API token shown once, which works until revoked', async ({ page, playwright }) => {
    await page.goto('/producer/tokens');
    await page.getByLabel('Token name').fill('studio buttons');
    await page.getByRole('button', { name: 'Issue token' }).click();
    const token = (await page.getByTestId('issued-token').textContent())?.trim() ?? '';
    expect(token).toMatch(/^sbt_/);
    const api = await playwright.request.newContext({ extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const baseURL = new URL(page.url()).origin;
    expect((await api.get(`${baseURL}/api/history/export`)).status()).toBe(200);
    await page.reload();
    await expect(page.getByTestId('issued-token')).toHaveCount(0);
    await page.getByRole('button', { name: 'Revoke studio buttons' }).click();
    await expect(page.getByText('Revoked')).toBeVisible();
    expect((await api.get(`${baseURL}/api/history/export`)).status()).toBe(401);
    await api.dispose();
  });
});
