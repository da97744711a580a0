import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLER, startHarness, twiml, type Harness } from './support/harness';
import { SdkClient } from './support/sdk-client';
import { setupBrowser } from './support/tokens';
import { waitForCall, waitForRequests } from './support/wait';

const HOST = '+14155550111';
const MENU = 'http://audio.test/menu.mp3';

/**
 * <Gather input="dtmf"> as Twilio's <Gather> page documents it (https://www.twilio.com/docs/voice/twiml/gather):
 * defaults action = the document's URL, method POST, finishOnKey '#', timeout 5 s, numDigits unlimited; nested
 * Say/Play/Pause play while waiting; with input the action gets Digits; without, the next verb runs unless
 * actionOnEmptyResult="true".
 */
describe('<Gather> collects keypad digits', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.provisionShowNumber();
  });
  afterEach(() => h.close());

  const press = async (sid: string, digits: string) => {
    const answer = await h.control<{ leftConference: boolean; gathered: boolean }>(
      'POST',
      `/_emulator/calls/${sid}/digits`,
      { digits },
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('plays the nested prompt until the first key, ends at finishOnKey and posts Digits without the # to the action', async () => {
    h.app.route(
      '/voice',
      twiml(`<Gather action="/menu"><Play loop="0">${MENU}</Play></Gather><Say>Never reached</Say>`),
    );
    h.app.route('/menu', twiml('<Say>Thanks</Say><Pause length="30"/>'));
    const sid = await h.ring(CALLER);
    await waitForCall(h, sid, (c) => c.hears?.kind === 'play');
    expect(await press(sid, '12')).toEqual({ leftConference: false, gathered: true });
    const stopped = await waitForCall(h, sid, (c) => c.hears?.kind === 'silence');
    expect(stopped.hears).toEqual({ kind: 'silence', reason: 'gather' });
    expect(h.app.requestsTo('/menu')).toEqual([]);
    await press(sid, '#');
    const [action] = await waitForRequests(h, '/menu');
    expect(action?.method).toBe('POST');
    expect(action?.params).toMatchObject({ CallSid: sid, Digits: '12', FinishedOnKey: '#', From: CALLER });
    const after = await waitForCall(h, sid, (c) => c.hears?.kind === 'say');
    expect(after.hears).toEqual({ kind: 'say', text: 'Thanks' });
    expect(after.timeline.some((s) => s.hearing.kind === 'say' && s.hearing.text === 'Never reached')).toBe(false);
  });

  it('ends the input when numDigits keys are in, without waiting for a finish key', async () => {
    h.app.route('/voice', twiml('<Gather action="/menu" numDigits="2" timeout="600"><Say>Choose</Say></Gather>'));
    const sid = await h.ring(CALLER);
    await waitForCall(h, sid, (c) => c.hears?.kind === 'silence' && c.hears.reason === 'gather');
    await press(sid, '34');
    const [action] = await waitForRequests(h, '/menu');
    expect(action?.params).toMatchObject({ Digits: '34', FinishedOnKey: '' });
  });

  it('posts what was typed when the timeout passes after the last key', async () => {
    h.app.route('/voice', twiml('<Gather action="/menu" finishOnKey=""><Pause length="600"/></Gather>'));
    const sid = await h.ring(CALLER);
    await waitForCall(h, sid, (c) => c.hears?.kind === 'silence' && c.hears.reason === 'pause');
    await press(sid, '7#');
    const [action] = await waitForRequests(h, '/menu');
    expect(action?.params).toMatchObject({ Digits: '7#', FinishedOnKey: '' });
  });

  it('requests the URL of its own document with the given method when it has no action', async () => {
    let served = 0;
    h.app.route('/voice', () => (served++ === 0 ? twiml('<Gather method="GET" numDigits="1"/>') : twiml('<Hangup/>')));
    const sid = await h.ring(CALLER);
    await waitForCall(h, sid, (c) => c.hears?.kind === 'silence' && c.hears.reason === 'gather');
    await press(sid, '5');
    const [, again] = await waitForRequests(h, '/voice', 2);
    expect(again?.method).toBe('GET');
    expect(again?.params).toMatchObject({ Digits: '5', CallSid: sid });
    await waitForCall(h, sid, (c) => c.status === 'completed');
  });

  it('goes on to the next verb when nothing is pressed before the timeout, without requesting the action', async () => {
    h.app.route(
      '/voice',
      twiml(
        '<Gather action="/menu" timeout="2"><Say>Press a key</Say></Gather><Say>We did not get that</Say><Pause length="30"/>',
      ),
    );
    const sid = await h.ring(CALLER);
    const after = await waitForCall(h, sid, (c) => c.hears?.kind === 'say' && c.hears.text === 'We did not get that');
    const kinds = after.timeline.map((s) => (s.hearing.kind === 'say' ? s.hearing.text : s.hearing.kind));
    expect(kinds.slice(-3)).toEqual(['Press a key', 'silence', 'We did not get that']);
    expect(h.app.requestsTo('/menu')).toEqual([]);
  });

  it('a finish key alone is no input: the next verb runs', async () => {
    h.app.route(
      '/voice',
      twiml('<Gather action="/menu" timeout="600"/><Say>Nothing entered</Say><Pause length="30"/>'),
    );
    const sid = await h.ring(CALLER);
    await waitForCall(h, sid, (c) => c.hears?.kind === 'silence' && c.hears.reason === 'gather');
    await press(sid, '#');
    await waitForCall(h, sid, (c) => c.hears?.kind === 'say' && c.hears.text === 'Nothing entered');
    expect(h.app.requestsTo('/menu')).toEqual([]);
  });

  it('requests the action with empty Digits on timeout when actionOnEmptyResult is true', async () => {
    h.app.route(
      '/voice',
      twiml('<Gather action="/menu" timeout="1" actionOnEmptyResult="true"/><Say>Not reached</Say>'),
    );
    h.app.route('/menu', twiml('<Hangup/>'));
    const sid = await h.ring(CALLER);
    const [action] = await waitForRequests(h, '/menu');
    expect(action?.params).toMatchObject({ Digits: '', CallSid: sid });
    const ended = await waitForCall(h, sid, (c) => c.status === 'completed');
    expect(ended.timeline.some((s) => s.hearing.kind === 'say')).toBe(false);
  });

  it('refuses speech input, nested verbs other than Say/Play/Pause and a bad finishOnKey as TwiML errors (12200)', async () => {
    for (const body of [
      '<Gather input="speech"/>',
      '<Gather><Dial><Conference>x</Conference></Dial></Gather>',
      '<Gather finishOnKey="A"/>',
    ]) {
      h.app.route('/voice', twiml(body));
      const sid = await h.ring(CALLER);
      await h.emulator.waitFor((s) => s.notifications.find((n) => n.callSid === sid && n.code === 12200));
    }
  });

  it('lets a caller press * to leave a hangupOnStar conference (the others stay) and answer the Dial action with a Gather', async () => {
    h.app.route('/voice', (req) =>
      req.params.From === HOST
        ? twiml('<Dial><Conference participantLabel="host">live</Conference></Dial>')
        : twiml(
            '<Dial hangupOnStar="true" action="/star"><Conference participantLabel="caller">live</Conference></Dial><Say>Not reached</Say>',
          ),
    );
    h.app.route('/star', twiml('<Gather action="/choice" numDigits="1"><Say>Press 1 for a call back</Say></Gather>'));
    h.app.route('/choice', twiml('<Say>We will call you back</Say><Hangup/>'));
    const host = await h.ring(HOST);
    const caller = await h.ring(CALLER);
    await waitForCall(h, host, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 1);
    expect(await press(caller, '*')).toEqual({ leftConference: true, gathered: false });
    // DialCallStatus for a conference the caller left: answered (FACTS.md, <Dial action>; the <Dial> page).
    const [star] = await waitForRequests(h, '/star');
    expect(star?.params).toMatchObject({ CallSid: caller, DialCallStatus: 'answered' });
    const hostView = await waitForCall(h, host, (c) => c.hears?.kind === 'conference' && c.hears.hears.length === 0);
    expect(hostView.room).toBe('live');
    expect(hostView.status).toBe('in-progress');
    await waitForCall(
      h,
      caller,
      (c) => c.room === null && c.hears?.kind === 'say' && c.hears.text === 'Press 1 for a call back',
    );
    expect(await press(caller, '1')).toEqual({ leftConference: false, gathered: true });
    const [choice] = await waitForRequests(h, '/choice');
    expect(choice?.params).toMatchObject({ CallSid: caller, Digits: '1' });
    await waitForCall(h, caller, (c) => c.status === 'completed');
  });
});

describe('<Gather> hears the browser', () => {
  it("takes digits from a browser leg's dtmf signalling message", async () => {
    const h = await startHarness();
    const browser = await setupBrowser(h);
    const sdk = await SdkClient.open(h.emulator);
    try {
      h.app.route('/client-voice', twiml('<Gather action="/menu" numDigits="3"><Say>Enter your code</Say></Gather>'));
      await sdk.listen(browser.token('screener-1'));
      const call = await sdk.connect({});
      await waitForCall(h, call.callSid, (c) => c.hears?.kind === 'silence' && c.hears.reason === 'gather');
      sdk.send('dtmf', { callsid: call.callSid, dtmf: '429' });
      const [action] = await waitForRequests(h, '/menu');
      expect(action?.params).toMatchObject({ CallSid: call.callSid, Digits: '429', From: 'client:screener-1' });
      await call.close();
    } finally {
      await sdk.close();
      await h.close();
    }
  });
});
