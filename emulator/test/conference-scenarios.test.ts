import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLER, startHarness, twiml, type Harness } from './support/harness';
import { conferenceEvents, waitForCall, waitForRequests } from './support/wait';

const HOST = '+14155550111';

describe('conference behaviour from FACTS.md', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.provisionShowNumber();
  });
  afterEach(() => h.close());

  /** Routes /voice by caller: each From gets its own TwiML. */
  function voiceByCaller(map: Record<string, string>): void {
    h.app.route('/voice', (req) => map[req.params.From ?? ''] ?? twiml('<Hangup/>'));
  }

  it('plays the waitUrl until the conference starts, then the caller hears the host', async () => {
    h.app.route('/wait', twiml('<Play loop="0">http://audio.test/hold.mp3</Play>'));
    voiceByCaller({
      [CALLER]: twiml('<Dial><Conference startConferenceOnEnter="false" waitUrl="/wait">room</Conference></Dial>'),
      [HOST]: twiml('<Dial><Conference startConferenceOnEnter="true">room</Conference></Dial>'),
    });
    const caller = await h.ring(CALLER);
    const waiting = await waitForCall(h, caller, (c) => c.hears?.kind === 'wait' && c.hears.audio !== null);
    expect(waiting.hears).toMatchObject({ kind: 'wait', audio: 'http://audio.test/hold.mp3' });
    expect(h.app.requestsTo('/wait')[0]?.params.ConferenceSid).toMatch(/^CF/);
    const host = await h.ring(HOST);
    const live = await waitForCall(h, caller, (c) => c.hears?.kind === 'conference');
    expect(live.hears).toMatchObject({ kind: 'conference', hears: [{ callSid: host, from: HOST }] });
    expect(live.conference?.status).toBe('in-progress');
  });

  it('does not start with a lone startConferenceOnEnter participant nor with two that cannot start it', async () => {
    voiceByCaller({
      [HOST]: twiml('<Dial><Conference>solo</Conference></Dial>'),
      [CALLER]: twiml('<Dial><Conference startConferenceOnEnter="false">pair</Conference></Dial>'),
      '+14155550112': twiml('<Dial><Conference startConferenceOnEnter="false">pair</Conference></Dial>'),
    });
    const host = await h.ring(HOST);
    const a = await h.ring(CALLER);
    const b = await h.ring('+14155550112');
    await waitForCall(h, b, (c) => c.room === 'pair');
    for (const sid of [host, a, b]) {
      const call = await waitForCall(h, sid, (c) => c.hears?.kind === 'wait');
      expect(call.conference?.status).toBe('init');
    }
  });

  it('lets the first participant alone set the conference status callback', async () => {
    voiceByCaller({
      [CALLER]: twiml(
        '<Dial><Conference startConferenceOnEnter="false" statusCallback="/first" statusCallbackEvent="join leave start end">room</Conference></Dial>',
      ),
      [HOST]: twiml(
        '<Dial><Conference statusCallback="/second" statusCallbackEvent="join leave start end mute">room</Conference></Dial>',
      ),
    });
    const caller = await h.ring(CALLER);
    await waitForCall(h, caller, (c) => c.room === 'room');
    const host = await h.ring(HOST);
    await waitForCall(h, host, (c) => c.hears?.kind === 'conference');
    const events = await waitForRequests(h, '/first', 3);
    expect(events.map((r) => r.params.StatusCallbackEvent)).toEqual([
      'participant-join',
      'participant-join',
      'conference-start',
    ]);
    expect(events.map((r) => Number(r.params.SequenceNumber))).toEqual([1, 2, 3]);
    expect(h.app.requestsTo('/second')).toEqual([]);
  });

  it('ends the conference when an endConferenceOnExit participant leaves, and the others follow their Dial action', async () => {
    voiceByCaller({
      [CALLER]: twiml(
        '<Dial action="/after"><Conference startConferenceOnEnter="false" statusCallback="/conf" statusCallbackEvent="start end join leave">room</Conference></Dial>',
      ),
      [HOST]: twiml('<Dial><Conference endConferenceOnExit="true">room</Conference></Dial>'),
    });
    h.app.route('/after', twiml('<Say>The show has ended</Say>'));
    const caller = await h.ring(CALLER);
    await waitForCall(h, caller, (c) => c.room === 'room');
    const host = await h.ring(HOST);
    await waitForCall(h, caller, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 1);
    await h.control('POST', `/_emulator/calls/${host}/hangup`);
    const [action] = await waitForRequests(h, '/after');
    expect(action?.params).toMatchObject({ CallSid: caller, DialCallStatus: 'answered' });
    expect(action?.params).not.toHaveProperty('DialCallSid');
    expect(action?.params).not.toHaveProperty('DialCallDuration');
    await waitForCall(h, caller, (c) => c.hears?.kind === 'say');
    const events = await h.emulator.waitFor(() => {
      const all = conferenceEvents(h, '/conf');
      return all.some((e) => e.StatusCallbackEvent === 'conference-end') ? all : null;
    });
    const end = events.find((e) => e.StatusCallbackEvent === 'conference-end');
    expect(end).toMatchObject({
      ReasonConferenceEnded: 'participant-with-end-conference-on-exit-left',
      CallSidEndingConference: host,
    });
    const callerLeave = events.find((e) => e.StatusCallbackEvent === 'participant-leave' && e.CallSid === caller);
    expect(callerLeave).toMatchObject({
      ReasonParticipantLeft: 'moderator_ended_conference',
      ParticipantCallStatus: 'in-progress',
    });
  });

  it('moves a caller removed through the Participants API on to the Dial action', async () => {
    voiceByCaller({
      [CALLER]: twiml(
        '<Dial action="/next"><Conference participantLabel="caller" statusCallback="/conf" statusCallbackEvent="leave">room</Conference></Dial>',
      ),
    });
    h.app.route('/next', twiml('<Dial><Conference startConferenceOnEnter="false">screen-1</Conference></Dial>'));
    const caller = await h.ring(CALLER);
    const inRoom = await waitForCall(h, caller, (c) => c.room === 'room');
    const removed = await h.rest('DELETE', `/Conferences/${inRoom.conference?.sid ?? ''}/Participants/caller.json`);
    expect(removed.status).toBe(204);
    const moved = await waitForCall(h, caller, (c) => c.room === 'screen-1');
    expect(moved.status).toBe('in-progress');
    expect(h.app.requestsTo('/next')[0]?.params.DialCallStatus).toBe('answered');
    const [leave] = await waitForRequests(h, '/conf');
    expect(leave?.params).toMatchObject({
      StatusCallbackEvent: 'participant-leave',
      ReasonParticipantLeft: 'participant_updated_via_api',
      ParticipantLabel: 'caller',
    });
  });

  it('takes a call given new TwiML out of its conference and runs that TwiML', async () => {
    voiceByCaller({
      [CALLER]: twiml('<Dial action="/never"><Conference startConferenceOnEnter="false">room</Conference></Dial>'),
    });
    h.app.route('/moved', twiml('<Dial><Conference startConferenceOnEnter="false">elsewhere</Conference></Dial>'));
    const caller = await h.ring(CALLER);
    const inRoom = await waitForCall(h, caller, (c) => c.room === 'room');
    const updated = await h.rest('POST', `/Calls/${caller}.json`, { Url: `${h.app.url}/moved` });
    expect(updated.status).toBe(200);
    await waitForCall(h, caller, (c) => c.room === 'elsewhere');
    const participants = await h.rest('GET', `/Conferences/${inRoom.conference?.sid ?? ''}/Participants.json`);
    expect(participants.body.participants).toEqual([]);
    expect(h.app.requestsTo('/never')).toEqual([]);
  });

  it('addresses a participant by a percent-encoded Label', async () => {
    voiceByCaller({
      [CALLER]: twiml(
        '<Dial><Conference participantLabel="caller #1/a" startConferenceOnEnter="false">room</Conference></Dial>',
      ),
    });
    const caller = await h.ring(CALLER);
    const inRoom = await waitForCall(h, caller, (c) => c.room === 'room');
    const path = `/Conferences/${inRoom.conference?.sid ?? ''}/Participants/${encodeURIComponent('caller #1/a')}.json`;
    const fetched = await h.rest('GET', path);
    expect(fetched.body).toMatchObject({ call_sid: caller, label: 'caller #1/a' });
    const byName = await h.rest('GET', `/Conferences/room/Participants/${encodeURIComponent('caller #1/a')}.json`);
    expect(byName.body).toMatchObject({ call_sid: caller });
  });

  it('fails a join with a duplicate participantLabel (16025) and moves on to the next verb', async () => {
    voiceByCaller({
      [CALLER]: twiml(
        '<Dial><Conference participantLabel="same" startConferenceOnEnter="false">room</Conference></Dial>',
      ),
      [HOST]: twiml(
        '<Dial action="/not-called"><Conference participantLabel="same">room</Conference></Dial><Say>That seat is taken</Say>',
      ),
    });
    const caller = await h.ring(CALLER);
    await waitForCall(h, caller, (c) => c.room === 'room');
    const host = await h.ring(HOST);
    const after = await waitForCall(h, host, (c) => c.hears?.kind === 'say');
    expect(after.hears).toEqual({ kind: 'say', text: 'That seat is taken' });
    expect(h.emulator.state().notifications.find((n) => n.callSid === host)?.code).toBe(16025);
    expect(h.app.requestsTo('/not-called')).toEqual([]);
  });

  it('leaves the conference on * when hangupOnStar is set and requests the Dial action', async () => {
    voiceByCaller({
      [CALLER]: twiml(
        '<Dial hangupOnStar="true" action="/star"><Conference startConferenceOnEnter="false">room</Conference></Dial>',
      ),
    });
    h.app.route('/star', twiml('<Say>Back to the menu</Say>'));
    const caller = await h.ring(CALLER);
    await waitForCall(h, caller, (c) => c.room === 'room');
    const pressed = await h.control('POST', `/_emulator/calls/${caller}/digits`, { digits: '*' });
    expect(pressed.body).toEqual({ leftConference: true, gathered: false });
    const [action] = await waitForRequests(h, '/star');
    expect(action?.params.DialCallStatus).toBe('answered');
  });

  it('takes the caller out after the Dial timeLimit', async () => {
    voiceByCaller({
      [CALLER]: twiml(
        '<Dial timeLimit="2" action="/limit"><Conference startConferenceOnEnter="false">room</Conference></Dial>',
      ),
    });
    const caller = await h.ring(CALLER);
    await waitForCall(h, caller, (c) => c.room === 'room');
    const [action] = await waitForRequests(h, '/limit');
    expect(action?.params.CallSid).toBe(caller);
  });

  it('hangs up a Participants-API call when it is removed from the conference', async () => {
    voiceByCaller({ [CALLER]: twiml('<Dial><Conference startConferenceOnEnter="false">room</Conference></Dial>') });
    const caller = await h.ring(CALLER);
    await waitForCall(h, caller, (c) => c.room === 'room');
    const added = await h.rest('POST', '/Conferences/room/Participants.json', {
      From: '+15005550006',
      To: HOST,
      Label: 'host',
      EndConferenceOnExit: 'false',
    });
    const guest = String(added.body.call_sid);
    await waitForCall(h, guest, (c) => c.hears?.kind === 'conference');
    await h.rest('DELETE', '/Conferences/room/Participants/host.json');
    const ended = await waitForCall(h, guest, (c) => c.status === 'completed');
    expect(ended.room).toBeNull();
  });
});
