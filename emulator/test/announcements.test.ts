import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallView } from '../index';
import { renderPattern } from '../src/media/sources';
import { encodeWav } from '../src/media/wav';
import { readAudio, tonesIn, untilHearsExactly } from './support/audio';
import { startHarness, twiml, type Harness } from './support/harness';
import { conferenceEvents, waitForCall } from './support/wait';

/**
 * AnnounceUrl on a Participant update plays to that participant only; on a Conference update, to everyone
 * (Conference Participant resource, announce_url: "an announcement to the participant";
 * https://www.twilio.com/docs/voice/api/conference-participant-resource and FACTS.md, REST resources).
 */
const HOST = '+14155550111';
const FIRST = '+14155550121';
const SECOND = '+14155550122';
const CUE = 'You are caller number three, your wait is about four minutes';
const ANNOUNCE_TONE = 880;

const heardAnnouncements = (view: CallView | null | undefined): string[] =>
  (view?.timeline ?? []).flatMap((s) =>
    'announcement' in s.hearing && s.hearing.announcement !== null ? [s.hearing.announcement] : [],
  );

describe('announcements', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.provisionShowNumber();
    h.app.route('/cue', twiml(`<Say>${CUE}</Say>`));
    h.app.route('/tone.wav', {
      body: encodeWav(renderPattern([{ frequency: ANNOUNCE_TONE, ms: 4000 }])),
      contentType: 'audio/wav',
    });
    h.app.route('/wav-cue', twiml(`<Play>${h.app.url}/tone.wav</Play>`));
  });
  afterEach(() => h.close());

  const labelFor = (from: string | undefined) => (from === HOST ? 'host' : from === FIRST ? 'first' : 'second');
  const announcementEnded = () =>
    h.emulator.waitFor(
      () => conferenceEvents(h, '/conf').find((e) => e.StatusCallbackEvent === 'announcement-end') ?? null,
    );

  it('plays a participant AnnounceUrl in a live conference to that participant only', async () => {
    h.app.route('/voice', (req) =>
      twiml(
        `<Dial><Conference participantLabel="${labelFor(req.params.From)}" statusCallback="/conf" statusCallbackEvent="announcement">live</Conference></Dial>`,
      ),
    );
    const sids = [await h.ring(HOST), await h.ring(FIRST), await h.ring(SECOND)];
    for (const sid of sids)
      await waitForCall(h, sid, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 2);
    const updated = await h.rest('POST', '/Conferences/live/Participants/first.json', {
      AnnounceUrl: `${h.app.url}/cue`,
    });
    expect(updated.status).toBe(200);
    await announcementEnded();
    const [host, first, second] = sids.map((sid) => h.emulator.call(sid));
    expect(heardAnnouncements(first)).toContain(CUE);
    expect(heardAnnouncements(host)).toEqual([]);
    expect(heardAnnouncements(second)).toEqual([]);
    // The others keep hearing each other throughout.
    expect(host?.hears).toMatchObject({ kind: 'conference', announcement: null });
  });

  it('plays a participant AnnounceUrl to a caller waiting for its room to start, and to no other waiting caller', async () => {
    h.app.route('/voice', (req) =>
      twiml(
        `<Dial><Conference participantLabel="${labelFor(req.params.From)}" startConferenceOnEnter="false" waitUrl="" statusCallback="/conf" statusCallbackEvent="announcement">hold-room</Conference></Dial>`,
      ),
    );
    const first = await h.ring(FIRST);
    const second = await h.ring(SECOND);
    for (const sid of [first, second]) await waitForCall(h, sid, (c) => c.participant !== null);
    await h.rest('POST', '/Conferences/hold-room/Participants/first.json', { AnnounceUrl: `${h.app.url}/cue` });
    await announcementEnded();
    expect(heardAnnouncements(h.emulator.call(first))).toContain(CUE);
    expect(heardAnnouncements(h.emulator.call(second))).toEqual([]);
  });

  it('plays a conference AnnounceUrl to every participant', async () => {
    h.app.route('/voice', (req) =>
      twiml(
        `<Dial><Conference participantLabel="${labelFor(req.params.From)}" statusCallback="/conf" statusCallbackEvent="announcement">live</Conference></Dial>`,
      ),
    );
    const sids = [await h.ring(HOST), await h.ring(FIRST), await h.ring(SECOND)];
    for (const sid of sids)
      await waitForCall(h, sid, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 2);
    const conferenceSid = h.emulator.call(sids[0] ?? '')?.conference?.sid ?? '';
    expect(
      (await h.rest('POST', `/Conferences/${conferenceSid}.json`, { AnnounceUrl: `${h.app.url}/cue` })).status,
    ).toBe(200);
    await announcementEnded();
    for (const sid of sids) expect(heardAnnouncements(h.emulator.call(sid))).toContain(CUE);
  });

  it('delivers a participant announcement as sound to that participant only', async () => {
    h.app.route('/voice', (req) =>
      twiml(`<Dial><Conference participantLabel="${labelFor(req.params.From)}">live</Conference></Dial>`),
    );
    const first = await h.ring(FIRST);
    const second = await h.ring(SECOND);
    for (const sid of [first, second])
      await waitForCall(h, sid, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 1);
    await h.rest('POST', '/Conferences/live/Participants/first.json', { AnnounceUrl: `${h.app.url}/wav-cue` });
    await untilHearsExactly(h, first, [ANNOUNCE_TONE], [ANNOUNCE_TONE]);
    const other = await readAudio(h, second, [ANNOUNCE_TONE], 300);
    expect(tonesIn(other)).toEqual([]);
    expect(other.received.frames).toBeGreaterThan(0);
  });

  it('delivers a participant announcement as sound to a caller waiting in its hold room, over the wait music', async () => {
    h.app.route('/voice', (req) =>
      twiml(
        `<Dial><Conference participantLabel="caller" startConferenceOnEnter="false">hold-${req.params.From ?? ''}</Conference></Dial>`,
      ),
    );
    const first = await h.ring(FIRST);
    const second = await h.ring(SECOND);
    for (const sid of [first, second]) await waitForCall(h, sid, (c) => c.hears?.kind === 'wait');
    await h.rest('POST', `/Conferences/${encodeURIComponent(`hold-${FIRST}`)}/Participants/caller.json`, {
      AnnounceUrl: `${h.app.url}/wav-cue`,
    });
    await untilHearsExactly(h, first, [ANNOUNCE_TONE], [ANNOUNCE_TONE]);
    const during = h.emulator
      .call(first)
      ?.timeline.find((seg) => seg.hearing.kind === 'wait' && seg.hearing.announcement !== null);
    expect(during?.hearing).toMatchObject({ kind: 'wait', announcement: `audio ${h.app.url}/tone.wav` });
    const other = await readAudio(h, second, [ANNOUNCE_TONE], 300);
    expect(tonesIn(other)).toEqual([]);
    expect(other.received.rms).toBeGreaterThan(0);
  });
});
