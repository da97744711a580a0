import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  espeakInstalled,
  PHONE_FROM_PARAM,
  PHONE_TO_PARAM,
  STAND_IN_TONES,
  type CallView,
  type EmulatorOptions,
} from '../index';
import { renderPattern } from '../src/media/sources';
import { encodeWav } from '../src/media/wav';
import { emulatorAudio } from '../../tests/support/emulator-control-client';
import { readAudio, speakTone, tonesIn, untilHearsExactly } from './support/audio';
import { startHarness, twiml, type Harness } from './support/harness';
import { eventually, SdkClient, type SdkCall } from './support/sdk-client';
import { setupBrowser } from './support/tokens';
import { waitForCall } from './support/wait';

// Spoken tones, well apart from each other and from the stand-ins (300/400 Say, 520/660/780 music).
const A = 1000;
const B = 1300;
const C = 1700;
const D = 2200;
const ALL = [A, B, C, D];
const HOLD_WAV_TONE = 880;
const PHONES = ['+14155550101', '+14155550102', '+14155550103', '+14155550104'];

describe('real audio through conferences', () => {
  let h: Harness;
  const open: Array<SdkClient | SdkCall> = [];

  async function start(options: EmulatorOptions = {}): Promise<void> {
    h = await startHarness(options);
    await h.provisionShowNumber();
    h.app.route('/voice', twiml('<Dial><Conference>live</Conference></Dial>'));
    h.app.route('/hold.wav', {
      body: encodeWav(renderPattern([{ frequency: HOLD_WAV_TONE, ms: 2000 }])),
      contentType: 'audio/wav',
    });
  }
  afterEach(async () => {
    for (const item of open.splice(0)) await item.close();
    await h.close();
  });

  async function joinPhones(count: number): Promise<string[]> {
    const sids: string[] = [];
    for (const phone of PHONES.slice(0, count)) sids.push(await h.ring(phone));
    for (const sid of sids)
      await waitForCall(h, sid, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === count - 1);
    return sids;
  }

  describe('in real time', () => {
    beforeEach(() => start());

    it('gives each phone the tones of the others and never its own (mix-minus)', async () => {
      const [a = '', b = '', c = ''] = await joinPhones(3);
      await speakTone(h, a, A);
      await speakTone(h, b, B);
      await untilHearsExactly(h, a, [B], [A, B]);
      await untilHearsExactly(h, b, [A], [A, B]);
      const both = await untilHearsExactly(h, c, [A, B], [A, B]);
      expect(both.received.tones.find((t) => t.frequency === A)?.level).toBeGreaterThan(0.15);
      // Over a longer window the own tone stays out, not just at one instant.
      const own = await readAudio(h, a, [A, B], 1000);
      expect(own.received.tones.find((t) => t.frequency === A)?.present).toBe(false);
      expect(own.sent.tones.find((t) => t.frequency === A)?.present).toBe(true);
    });

    it('mixes exactly the parties `hears` names, through mute and coaching', async () => {
      const sids = await joinPhones(4);
      const [a = '', , c = '', d = ''] = sids;
      for (const [i, sid] of sids.entries()) await speakTone(h, sid, ALL[i] ?? 0);
      const conference = h.emulator.call(a)?.conference?.sid ?? '';
      await h.client.conferences(conference).participants(c).update({ muted: true });
      await h.client.conferences(conference).participants(d).update({ coaching: true, callSidToCoach: a });
      const toneOf = new Map(sids.map((sid, i) => [sid, ALL[i] ?? 0]));
      const heard = new Map<string, number[]>();
      for (const sid of sids) {
        const view = h.emulator.call(sid) as CallView;
        const modelled =
          view.hears?.kind === 'conference' ? view.hears.hears.map((p) => toneOf.get(p.callSid) ?? 0) : [];
        heard.set(sid, tonesIn(await untilHearsExactly(h, sid, modelled, ALL)));
      }
      // The coach is heard by the coached party only; the muted party by nobody.
      expect(heard.get(a)).toContain(D);
      expect(heard.get(sids[1] ?? '')).not.toContain(D);
      for (const sid of sids) expect(heard.get(sid)).not.toContain(C);
    });

    it("carries a browser's tone to a phone and the phone's to the browser, not the browser's own", async () => {
      const browser = await setupBrowser(h);
      h.app.route('/client-voice', twiml('<Dial><Conference>live</Conference></Dial>'));
      const phone = await h.ring(PHONES[0]);
      const sdk = await SdkClient.open(h.emulator);
      open.push(sdk);
      await sdk.listen(browser.token('host-1'));
      const call = await sdk.connect({ role: 'host' });
      open.push(call);
      await waitForCall(h, phone, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 1);
      await speakTone(h, phone, A);
      call.speak(C);
      await untilHearsExactly(h, phone, [C], [A, C]);
      await eventually(
        () => {
          const heard = call.hearing(400, [A, C]);
          return heard.tones.find((t) => t.frequency === A)?.present ? heard : null;
        },
        10_000,
        'the browser to hear the phone',
      );
      expect(call.hearing(400, [A, C]).tones.find((t) => t.frequency === C)?.present).toBe(false);
      // The control route reads the browser leg too: what it sent and what the emulator sent it.
      const leg = await readAudio(h, call.callSid, [A, C]);
      expect(leg.media.kind).toBe('webrtc');
      expect(tonesIn(leg)).toEqual([A]);
      expect(leg.sent.tones.find((t) => t.frequency === C)?.present).toBe(true);
    });

    it('lets a browser be a simulated phone: its microphone is the voice of a PSTN call to the show number', async () => {
      const browser = await setupBrowser(h);
      const other = await h.ring(PHONES[1]);
      const sdk = await SdkClient.open(h.emulator);
      open.push(sdk);
      await sdk.listen(browser.token('simulator'));
      const call = await sdk.connect({ [PHONE_FROM_PARAM]: PHONES[0] ?? '', [PHONE_TO_PARAM]: '+15005550006' });
      open.push(call);
      const view = await waitForCall(
        h,
        call.callSid,
        (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 1,
      );
      expect(view).toMatchObject({ from: PHONES[0], to: '+15005550006', direction: 'inbound' });
      expect(h.app.requestsTo('/voice').find((r) => r.params.CallSid === call.callSid)?.params.From).toBe(PHONES[0]);
      call.speak(C);
      await untilHearsExactly(h, other, [C], [C]);
    });

    it('plays a WAV holdUrl to a held party, and Twilio default hold music as the stand-in arpeggio', async () => {
      h.app.route('/hold', twiml('<Play loop="0">/hold.wav</Play>'));
      const [a = '', b = ''] = await joinPhones(2);
      await speakTone(h, b, B);
      const conference = h.emulator.call(a)?.conference?.sid ?? '';
      await h.client
        .conferences(conference)
        .participants(a)
        .update({ hold: true, holdUrl: `${h.app.url}/hold` });
      await untilHearsExactly(h, a, [HOLD_WAV_TONE], [HOLD_WAV_TONE, B]);
      await h.client.conferences(conference).participants(b).update({ hold: true });
      const music = [...STAND_IN_TONES.defaultMusic];
      await untilHearsExactly(h, b, music, [...music, A], 1000);
      const steady = await readAudio(h, b, music, 1000);
      expect(steady.received.longestSilenceMs).toBeLessThan(400);
    });

    it('lets a phone speak a WAV file, heard by the others', async () => {
      const [a = '', b = ''] = await joinPhones(2);
      const spoken = await h.control('POST', `/_emulator/calls/${a}/speak`, {
        source: 'wav',
        url: `${h.app.url}/hold.wav`,
        loop: true,
      });
      expect(spoken.status).toBe(200);
      await untilHearsExactly(h, b, [HOLD_WAV_TONE], [HOLD_WAV_TONE]);
      await untilHearsExactly(h, a, [], [HOLD_WAV_TONE]);
    });

    it('records a hold URL that cannot be fetched as error 11200 and plays nothing for it', async () => {
      h.app.route('/hold', twiml('<Play loop="0">/missing.wav</Play>'));
      h.app.route('/missing.wav', { status: 404, body: 'no' });
      const [a = ''] = await joinPhones(2);
      const conference = h.emulator.call(a)?.conference?.sid ?? '';
      await h.client
        .conferences(conference)
        .participants(a)
        .update({ hold: true, holdUrl: `${h.app.url}/hold` });
      await h.emulator.waitFor((s) => s.notifications.find((n) => n.code === 11200 && n.url?.endsWith('/missing.wav')));
      // What played before the hold (the wait music of the first seconds) leaves the window; then nothing plays.
      await eventually(async () => (await readAudio(h, a, [], 600)).received.rms < 0.003, 10_000, 'silence on hold');
      expect(h.emulator.call(a)?.hears).toMatchObject({ kind: 'hold', audio: `${h.app.url}/missing.wav` });
    });

    it('measures the delay a tone takes from one party to another through the emulator (typed client)', async () => {
      const audio = emulatorAudio(h.emulator.url);
      const [a = '', b = ''] = await joinPhones(2);
      await audio.tone(a, A);
      await eventually(async () => (await audio.heardTones(b, [A], 300)).includes(A), 10_000, 'the tone at b');
      const delay = await audio.delay(a, b, A);
      expect(delay.delayMs).toBeGreaterThanOrEqual(0);
      expect(delay.delayMs).toBeLessThan(150);
      expect(delay.heardAt).toBeGreaterThanOrEqual(delay.spokeAt);
      await audio.silence(a);
      await eventually(
        async () => (await audio.read(b, { windowMs: 200, frequencies: [A] })).received.rms < 0.003,
        10_000,
        'silence at b',
      );
      const load = await audio.load();
      expect(load.partyTicks).toBeGreaterThan(load.ticks);
      expect((await audio.signal()).chunderw).toBe(h.emulator.signal.chunderw);
    });
  });

  describe('with TwiML durations in real time', () => {
    beforeEach(() => start({ timeScale: 1 }));

    it('renders <Say> as audible speech (espeak-ng), or as the warble stand-in without it', async () => {
      h.app.route(
        '/voice',
        twiml('<Say>Thanks for calling the show. A producer will be with you shortly.</Say><Pause length="5"/>'),
      );
      const sid = await h.ring(PHONES[0]);
      await waitForCall(h, sid, (c) => c.hears?.kind === 'say');
      const warble = [...STAND_IN_TONES.say];
      const speech = await eventually(
        async () => {
          const reading = await readAudio(h, sid, warble, 600);
          // The whole window inside the speech, not its first frames.
          const full = reading.received.frames >= 28 && reading.received.longestSilenceMs < 200;
          return full && reading.received.rms > 0.02 ? reading : null;
        },
        10_000,
        'speech',
      );
      expect(tonesIn(speech).length === warble.length).toBe(!espeakInstalled());
    });

    it('plays a conference AnnounceUrl of a WAV to every participant, over the conversation', async () => {
      h.app.route('/announce', twiml('<Play>/hold.wav</Play>'));
      const [a = '', b = ''] = await joinPhones(2);
      await speakTone(h, b, B);
      const conference = h.emulator.call(a)?.conference?.sid ?? '';
      await h.client.conferences(conference).update({ announceUrl: `${h.app.url}/announce` });
      await untilHearsExactly(h, a, [B, HOLD_WAV_TONE], [B, HOLD_WAV_TONE]);
      await untilHearsExactly(h, b, [HOLD_WAV_TONE], [B, HOLD_WAV_TONE]);
    });

    it('gives a caller waiting for the conference to start the default wait music, never a second of silence', async () => {
      h.app.route('/voice', twiml('<Dial><Conference startConferenceOnEnter="false">live</Conference></Dial>'));
      const sid = await h.ring(PHONES[0]);
      await waitForCall(h, sid, (c) => c.hears?.kind === 'wait');
      const music = [...STAND_IN_TONES.defaultMusic];
      await untilHearsExactly(h, sid, music, music, 1000);
      const reading = await readAudio(h, sid, music, 2000);
      expect(reading.received.longestSilenceMs).toBeLessThan(1000);
    });

    it('plays an explicit twimlets hold-music waitUrl as the stand-in instead of fetching it from the internet', async () => {
      h.app.route(
        '/voice',
        twiml(
          '<Dial><Conference startConferenceOnEnter="false" waitUrl="https://twimlets.com/holdmusic?Bucket=com.twilio.music.ambient">live</Conference></Dial>',
        ),
      );
      const sid = await h.ring(PHONES[0]);
      await waitForCall(h, sid, (c) => c.hears?.kind === 'wait');
      const music = [...STAND_IN_TONES.defaultMusic];
      await untilHearsExactly(h, sid, music, music, 1000);
      expect(h.emulator.state().notifications).toEqual([]);
    });
  });
});
