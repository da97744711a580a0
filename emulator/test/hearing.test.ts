import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silenceStats } from '../index';
import { CALLER, startHarness, twiml, type Harness } from './support/harness';
import { waitForCall } from './support/wait';

const SECOND_CALLER = '+14155550122';
const HOST = '+14155550111';

describe('who hears what', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.provisionShowNumber();
    h.app.route('/hold', twiml('<Play loop="0">http://audio.test/hold.mp3</Play>'));
  });
  afterEach(() => h.close());

  it('keeps two callers in separate hold rooms from ever hearing each other', async () => {
    h.app.route('/voice', (req) =>
      twiml(
        `<Say>Welcome</Say><Dial><Conference startConferenceOnEnter="false" waitUrl="/hold">hold-${req.params.CallSid ?? ''}</Conference></Dial>`,
      ),
    );
    const a = await h.ring(CALLER);
    const b = await h.ring(SECOND_CALLER);
    await waitForCall(h, a, (c) => c.hears?.kind === 'wait' && c.hears.audio !== null);
    await waitForCall(h, b, (c) => c.hears?.kind === 'wait' && c.hears.audio !== null);
    for (const sid of [a, b]) {
      const view = h.emulator.call(sid);
      const heardOthers = view?.timeline.some((s) => s.hearing.kind === 'conference' && s.hearing.hears.length > 0);
      expect(heardOthers).toBe(false);
      const kinds = view?.timeline.map((s) => s.hearing.kind) ?? [];
      expect(kinds.slice(0, 2)).toEqual(['ringing', 'say']);
      expect(kinds.at(-1)).toBe('wait');
    }
  });

  it('does not let anyone hear a muted participant, and unmuting brings them back', async () => {
    h.app.route('/voice', (req) =>
      twiml(
        `<Dial><Conference participantLabel="${req.params.From === HOST ? 'host' : 'caller'}" startConferenceOnEnter="${req.params.From === HOST}">live</Conference></Dial>`,
      ),
    );
    const caller = await h.ring(CALLER);
    const host = await h.ring(HOST);
    await waitForCall(h, host, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 1);
    await h.rest('POST', '/Conferences/live/Participants/caller.json', { Muted: 'true' });
    const muted = await waitForCall(h, host, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 0);
    expect(muted.hears).toMatchObject({ kind: 'conference', hears: [] });
    const callerView = h.emulator.call(caller);
    expect(callerView?.hears).toMatchObject({ kind: 'conference', hears: [{ callSid: host, label: 'host' }] });
    await h.rest('POST', '/Conferences/live/Participants/caller.json', { Muted: 'false' });
    await waitForCall(h, host, (c) => c.hears?.kind === 'conference' && c.hears.hears[0]?.label === 'caller');
  });

  it('plays hold audio to a held participant, who is then heard by nobody', async () => {
    h.app.route('/voice', (req) =>
      twiml(
        `<Dial><Conference participantLabel="${req.params.From === HOST ? 'host' : 'caller'}">live</Conference></Dial>`,
      ),
    );
    const caller = await h.ring(CALLER);
    const host = await h.ring(HOST);
    await waitForCall(h, host, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 1);
    await h.rest('POST', '/Conferences/live/Participants/caller.json', {
      Hold: 'true',
      HoldUrl: `${h.app.url}/hold`,
      HoldMethod: 'POST',
    });
    const held = await waitForCall(h, caller, (c) => c.hears?.kind === 'hold' && c.hears.audio !== null);
    expect(held.hears).toMatchObject({ kind: 'hold', audio: 'http://audio.test/hold.mp3' });
    expect(h.emulator.call(host)?.hears).toMatchObject({ kind: 'conference', hears: [] });
  });

  it('removes a browser whose own microphone is muted from what others hear', async () => {
    h.app.route('/voice', (req) =>
      twiml(`<Dial><Conference startConferenceOnEnter="${req.params.From === HOST}">live</Conference></Dial>`),
    );
    const caller = await h.ring(CALLER);
    const host = await h.ring(HOST);
    await waitForCall(h, caller, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 1);
    await h.control('POST', `/_emulator/calls/${host}/mute`, { muted: true });
    const view = await waitForCall(h, caller, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 0);
    expect(view.silence.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('lets a coach be heard only by the participant it coaches', async () => {
    const coach = '+14155550133';
    h.app.route('/voice', (req) => {
      if (req.params.From === coach) {
        const target = h.emulator.state().calls.find((c) => c.from === CALLER)?.sid ?? '';
        return twiml(`<Dial><Conference coach="${target}">live</Conference></Dial>`);
      }
      return twiml(`<Dial><Conference>live</Conference></Dial>`);
    });
    const caller = await h.ring(CALLER);
    await waitForCall(h, caller, (c) => c.room === 'live');
    const host = await h.ring(HOST);
    await waitForCall(h, host, (c) => c.hears?.kind === 'conference');
    const coaching = await h.ring(coach);
    await waitForCall(
      h,
      caller,
      (c) => c.hears?.kind === 'conference' && c.hears.hears.some((p) => p.callSid === coaching),
    );
    const hostView = h.emulator.call(host);
    expect(hostView?.hears).toMatchObject({ kind: 'conference', hears: [{ callSid: caller }] });
  });

  it('records silence in the timeline so tests can measure dead air', async () => {
    h.app.route('/voice', twiml('<Pause length="2"/><Say>Hello there</Say>'));
    const caller = await h.ring(CALLER);
    const done = await waitForCall(h, caller, (c) => c.status === 'completed');
    const stats = silenceStats(done.timeline);
    expect(stats.longestMs).toBeGreaterThanOrEqual(80);
    expect(done.timeline.every((s) => s.end !== null)).toBe(true);
  });

  it('treats an empty waitUrl as silence', async () => {
    h.app.route(
      '/voice',
      twiml('<Dial><Conference startConferenceOnEnter="false" waitUrl="">quiet</Conference></Dial>'),
    );
    const caller = await h.ring(CALLER);
    const view = await waitForCall(h, caller, (c) => c.hears?.kind === 'silence' && c.room === 'quiet');
    expect(view.timeline.at(-1)?.silent).toBe(true);
  });
});
