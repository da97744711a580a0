import { expect, test, type Page } from '@playwright/test';
import { HOLD_MUSIC_PATH } from '@/lib/telephony/static-audio';
import { E2E_BASE_URL, E2E_EMULATOR_URL, E2E_SHOW_NUMBER, storageStatePath } from './e2e-env';
import { EmulatorControl } from './pages/emulator-control';
import { HostConsolePage } from './pages/host-console';
import { PhoneSimulatorPage } from './pages/phone-simulator';
import { ProducerRoomPage } from './pages/producer-room';
import { ScreenConsolePage } from './pages/screen-console';
import {
  expectPageHears,
  expectPhoneHears,
  phoneAudio,
  readPageAudio,
  staffSpeaking,
  startWatching,
  TONES,
  type Hears,
} from './support/audio-parties';

// Every check here is made on RECEIVED audio: the consoles run the real Voice SDK in Chromium (each staff
// browser's fake microphone a tone), the emulator mixes real PCMU per the hearing rules, and the tests read
// what each browser's peer connection delivers (tests/e2e/support/received-audio.ts) and what each simulated
// phone receives (the emulator's audio routes). Tones: tests/e2e/support/audio-parties.ts.

const emulator = new EmulatorControl(E2E_EMULATOR_URL);

test.describe.configure({ mode: 'serial' });
test.beforeEach(async () => {
  await emulator.hangUpEverything();
});

async function openLines(page: Page, title: string) {
  const room = new ProducerRoomPage(page);
  await room.goto();
  await room.openLines(title);
  return room;
}

/** Rings the show from a phone that speaks its own tone from the first moment. */
async function ringSpeaking(number: string, frequency: number): Promise<string> {
  const sid = await emulator.ring(number, E2E_SHOW_NUMBER);
  await phoneAudio.speak(sid, frequency);
  return sid;
}

/**
 * A caller moved between rooms: the longest silence it received since `since`. The app moves a call with its
 * TwiML inline in the call update, so the emulator fetches nothing and all of that silence is the move itself.
 */
async function moveSilence(sid: string, since: number): Promise<number> {
  const silenceMs = (await phoneAudio.read(sid, Date.now() - since + 100)).received.longestSilenceMs;
  test.info().annotations.push({ type: 'move silence', description: `${silenceMs} ms` });
  return silenceMs;
}

/** The longest a moved caller may hear nothing (issue 12). */
const MOVE_SILENCE_MS = 1500;

test('the headset check lists the real microphones and outputs, shows the microphone live, and asks for headphones before connecting', async () => {
  const screener = await staffSpeaking('screener', TONES.screener);
  try {
    const page = screener.page;
    await page.goto('/screen');
    const headset = page.getByRole('region', { name: 'Headset' });
    await expect(
      headset.getByRole('button', { name: 'Connect headset' }),
      'no connecting before the headphones are confirmed',
    ).toBeDisabled();
    await headset.getByRole('button', { name: 'Check my headset' }).click();
    // Chromium's fake devices, as enumerateDevices reports them: real device names, not a placeholder.
    const microphones = headset.getByRole('combobox', { name: /^Microphone/ });
    await expect(microphones.locator('option')).not.toHaveCount(0);
    await expect(microphones.locator('option').first()).toHaveText(/Fake/);
    await expect(
      headset
        .getByRole('combobox', { name: /^Output/ })
        .locator('option')
        .first(),
    ).toHaveText(/Fake/);
    await expect
      .poll(
        () => headset.getByRole('meter', { name: /Microphone level/ }).evaluate((m) => (m as HTMLMeterElement).value),
        { message: 'the level meter moves with the microphone' },
      )
      .toBeGreaterThan(0.05);
    await expect(headset).not.toContainText('no real sound');
    await headset.getByLabel('I am wearing headphones').check();
    await headset.getByRole('button', { name: 'Connect headset' }).click();
    await expect(headset.locator('[data-audio-status]')).toHaveAttribute('data-audio-status', 'connected', {
      timeout: 15_000,
    });
  } finally {
    await screener.browser.close();
  }
});

test('a waiting caller hears hold audio and never more than a second of silence', async ({ browser }) => {
  test.setTimeout(120_000);
  const producer = await (await browser.newContext({ storageState: storageStatePath('producer') })).newPage();
  await openLines(producer, 'Hold audio');
  const number = '+14155550181';
  const sid = await ringSpeaking(number, TONES.eve);
  await emulator.waitFor(sid, 'the caller waits in the hold room', (c) => c.hears?.kind === 'wait');
  const waitingSince = Date.now();
  // Five seconds of waiting, measured on what the phone received (no sleep: poll until that much was analysed).
  let reading: Awaited<ReturnType<typeof phoneAudio.read>> | undefined;
  await expect
    .poll(async () => (reading = await phoneAudio.read(sid, Date.now() - waitingSince)).received.frames, {
      message: 'five seconds of hold audio received',
      timeout: 30_000,
    })
    .toBeGreaterThanOrEqual(250);
  expect((await emulator.call(sid)).hears?.kind, 'still waiting throughout').toBe('wait');
  expect(reading!.received.rms, 'hold audio is sound, not silence').toBeGreaterThan(0.01);
  expect(reading!.received.longestSilenceMs, 'no gap over a second in the hold audio').toBeLessThan(1000);
  expect(
    reading!.received.tones.find((t) => t.frequency === TONES.eve)?.present,
    'the caller does not hear their own voice',
  ).toBe(false);
  await producer.context().close();
});

test('a whole show by ear: screening in private, the deck hears the show unheard, two on air and the host hear each other, mute, moves without dead air, a screener reload', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const producer = await (await browser.newContext({ storageState: storageStatePath('producer') })).newPage();
  await openLines(producer, 'Audio show');
  // Nothing else polls the app while the show runs: on a loaded machine every webhook's latency is silence for a moving caller.
  await producer.context().close();
  const screener = await staffSpeaking('screener', TONES.screener);
  const host = await staffSpeaking('host', TONES.host);
  try {
    const screen = new ScreenConsolePage(screener.page);
    const hostConsole = new HostConsolePage(host.page);
    await screen.goto();
    await screen.connectHeadset();
    await startWatching(screener.page);
    await hostConsole.goto();
    await hostConsole.connectHeadset();
    await startWatching(host.page);

    const ada = { number: '+14155550191', name: 'Ada Audio', tone: TONES.ada };
    const cyd = { number: '+14155550192', name: 'Cyd Audio', tone: TONES.cyd };
    const eve = { number: '+14155550193', name: 'Eve Audio', tone: TONES.eve };
    const adaSid = await ringSpeaking(ada.number, ada.tone);
    await expect(screen.waitingCaller(ada.number)).toBeVisible({ timeout: 15_000 });
    const cydSid = await ringSpeaking(cyd.number, cyd.tone);
    await expect(screen.waitingCaller(cyd.number)).toBeVisible({ timeout: 15_000 });
    const eveSid = await ringSpeaking(eve.number, eve.tone);
    await expect(screen.waitingCaller(eve.number)).toBeVisible({ timeout: 15_000 });

    const everyone = [TONES.screener, TONES.host, ada.tone, cyd.tone, eve.tone];
    const only = (heard: number[], self: number): Hears => ({
      hears: heard,
      notHears: everyone.filter((f) => !heard.includes(f) || f === self),
    });

    await test.step('the screener and the caller being screened hear each other, and nobody else hears either', async () => {
      const movedAt = Date.now();
      await screen.pickUpNext();
      await screen.expectTalkingTo(ada.number);
      await expectPageHears(screener.page, 'the screener', only([ada.tone], TONES.screener));
      await expectPhoneHears(adaSid, 'Ada being screened', only([TONES.screener], ada.tone));
      expect(
        await moveSilence(adaSid, movedAt),
        'Ada, moved from hold to screening: longest silence (ms)',
      ).toBeLessThan(MOVE_SILENCE_MS);
      await expectPageHears(host.page, 'the host', only([], TONES.host));
      await expectPhoneHears(cydSid, 'Cyd waiting', { notHears: [TONES.screener, ada.tone, cyd.tone] });
      await expectPhoneHears(eveSid, 'Eve waiting', { notHears: [TONES.screener, ada.tone, eve.tone] });
    });

    await test.step('an approved caller on deck hears the show (host and the caller on air) and is not heard', async () => {
      await screen.fillCard({ name: ada.name, location: 'Here', topic: 'Sound', comment: '', priority: 'Normal' });
      const movedAt = Date.now();
      await screen.approve();
      await expectPhoneHears(adaSid, 'Ada on deck, nobody on air yet', only([TONES.host], ada.tone));
      expect(
        await moveSilence(adaSid, movedAt),
        'Ada, moved from screening to the deck: longest silence (ms)',
      ).toBeLessThan(MOVE_SILENCE_MS);
      await screen.pickUpNext();
      await screen.expectTalkingTo(cyd.number);
      await expectPhoneHears(cydSid, 'Cyd being screened', only([TONES.screener], cyd.tone));
      await screen.fillCard({ name: cyd.name, location: 'There', topic: 'Sound', comment: '', priority: 'Normal' });
      await screen.approve();
      await screen.expectIdle();
      const toAirAt = Date.now();
      await hostConsole.putOnAir(cyd.name);
      await expectPhoneHears(cydSid, 'Cyd on air', only([TONES.host], cyd.tone));
      expect(
        await moveSilence(cydSid, toAirAt),
        'Cyd, moved from the deck to the air: longest silence (ms)',
      ).toBeLessThan(MOVE_SILENCE_MS);
      await expectPhoneHears(adaSid, 'Ada on deck hears the host and Cyd', only([TONES.host, cyd.tone], ada.tone));
      await expectPageHears(host.page, 'the host hears Cyd, not Ada on deck', only([cyd.tone], TONES.host));
      await expectPageHears(screener.page, 'the screener, idle, hears none of the show', only([], TONES.screener));
    });

    await test.step('two callers on air and the host all hear each other', async () => {
      await hostConsole.putOnAir(ada.name);
      await expectPageHears(host.page, 'the host', only([ada.tone, cyd.tone], TONES.host));
      await expectPhoneHears(adaSid, 'Ada on air', only([TONES.host, cyd.tone], ada.tone));
      await expectPhoneHears(cydSid, 'Cyd on air', only([TONES.host, ada.tone], cyd.tone));
      await expectPhoneHears(eveSid, 'Eve still waiting hears none of it', {
        notHears: [TONES.host, ada.tone, cyd.tone, eve.tone],
      });
    });

    await test.step('a muted on-air caller is not heard, and still hears the show', async () => {
      await host.page.getByRole('button', { name: `Mute ${ada.name}` }).click();
      await expectPageHears(host.page, 'the host, Ada muted', only([cyd.tone], TONES.host));
      await expectPhoneHears(cydSid, 'Cyd, Ada muted', only([TONES.host], cyd.tone));
      await expectPhoneHears(adaSid, 'Ada muted', only([TONES.host, cyd.tone], ada.tone));
    });

    await test.step("a screener's browser reload reconnects and hears the next caller", async () => {
      await screener.page.reload();
      await screen.connectHeadset();
      await startWatching(screener.page);
      await screen.pickUpNext();
      await screen.expectTalkingTo(eve.number);
      await expectPageHears(screener.page, 'the screener after a reload', only([eve.tone], TONES.screener));
      await expectPhoneHears(eveSid, 'Eve being screened', only([TONES.screener], eve.tone));
      await expectPageHears(host.page, 'the host does not hear the screening', only([cyd.tone], TONES.host));
    });
  } finally {
    await screener.browser.close();
    await host.browser.close();
  }
});

test('the phone simulator rings the show with its microphone and plays what the phone hears; a phone without one speaks a tone or a file', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const producer = await (await browser.newContext({ storageState: storageStatePath('producer') })).newPage();
  await openLines(producer, 'Simulator sound');
  await producer.context().close();
  // The person at the simulator: a browser whose microphone is a tone of its own.
  const person = await staffSpeaking('producer', TONES.bob);
  const screener = await staffSpeaking('screener', TONES.screener);
  try {
    const simulator = new PhoneSimulatorPage(person.page);
    await simulator.goto();
    await startWatching(person.page);
    const screen = new ScreenConsolePage(screener.page);
    await screen.goto();
    await screen.connectHeadset();
    await startWatching(screener.page);

    const everyone = [TONES.screener, TONES.bob, TONES.eve];
    const only = (heard: number[], self: number): Hears => ({
      hears: heard,
      notHears: everyone.filter((f) => !heard.includes(f) || f === self),
    });

    const microphone = '+14155550171';
    await test.step('the simulator tab rings the show and, waiting, plays the hold audio', async () => {
      await simulator.ringWithMicrophone(microphone, E2E_SHOW_NUMBER);
      await expect(simulator.phone(microphone)).toBeVisible({ timeout: 15_000 });
      const sid = await emulator.liveCallFrom(microphone);
      await emulator.waitFor(sid, 'the browser phone waits in the hold room', (c) => c.hears?.kind === 'wait');
      await expect(screen.waitingCaller(microphone)).toBeVisible({ timeout: 15_000 });
      await expect
        .poll(async () => (await readPageAudio(person.page)).rms, { message: 'the tab plays the hold audio' })
        .toBeGreaterThan(0.01);
      await expectPageHears(person.page, 'the waiting phone does not hear itself', { notHears: [TONES.bob] });
    });

    await test.step('a screener picks it up: each hears the other on received audio', async () => {
      await screen.pickUpNext();
      await screen.expectTalkingTo(microphone);
      await expectPageHears(screener.page, 'the screener hears the simulator tab', only([TONES.bob], TONES.screener));
      await expectPageHears(person.page, 'the simulator tab plays the screener', only([TONES.screener], TONES.bob));
      await screen.fillCard({ name: 'Mic Caller', location: 'Here', topic: 'Sound', comment: '', priority: 'Normal' });
      await screen.approve();
      await screen.expectIdle();
    });

    const quiet = '+14155550172';
    await test.step('a phone without a microphone speaks a tone the screener hears', async () => {
      await simulator.ring(quiet, E2E_SHOW_NUMBER);
      const sid = await emulator.liveCallFrom(quiet);
      await emulator.waitFor(sid, 'the phone waits in the hold room', (c) => c.hears?.kind === 'wait');
      await simulator.speak(quiet, { tone: TONES.eve });
      await screen.pickUpNext();
      await screen.expectTalkingTo(quiet);
      await expectPageHears(screener.page, 'the screener hears the tone', only([TONES.eve], TONES.screener));
      await expectPhoneHears(sid, 'the phone hears the screener', only([TONES.screener], TONES.eve));
    });

    await test.step('the same phone then plays a WAV file', async () => {
      await simulator.speak(quiet, { wav: `${E2E_BASE_URL}${HOLD_MUSIC_PATH}` });
      await expectPageHears(screener.page, 'the tone gives way to the file', only([], TONES.screener));
      await expect
        .poll(async () => (await readPageAudio(screener.page)).rms, { message: 'the screener hears the file' })
        .toBeGreaterThan(0.01);
    });
  } finally {
    await person.browser.close();
    await screener.browser.close();
  }
});
