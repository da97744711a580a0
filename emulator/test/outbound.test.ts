import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLER, SHOW_NUMBER, startHarness, twiml, type Harness } from './support/harness';
import { waitForCall } from './support/wait';

describe('outbound calls to simulated phones', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.provisionShowNumber();
    h.app.route('/voice', twiml('<Say>hello</Say>'));
  });
  afterEach(() => h.close());

  it('follows the answer policy set for a number', async () => {
    for (const answer of ['busy', 'no-answer', 'failed'] as const) {
      const to = { busy: '+14155550201', 'no-answer': '+14155550202', failed: '+14155550203' }[answer];
      await h.control('POST', `/_emulator/numbers/${encodeURIComponent(to)}/policy`, { answer, delayMs: 10 });
      const created = await h.rest('POST', '/Calls.json', { To: to, From: SHOW_NUMBER, Url: `${h.app.url}/voice` });
      const call = await waitForCall(h, String(created.body.sid), (c) => c.status === answer);
      expect(call.answeredAt).toBeNull();
    }
    expect(h.app.requestsTo('/voice')).toEqual([]);
  });

  it('cancels a ringing call with Status=canceled and ignores canceled on an answered call', async () => {
    await h.control('POST', `/_emulator/numbers/${encodeURIComponent(CALLER)}/policy`, {
      answer: 'answer',
      delayMs: 300,
    });
    const ringing = await h.rest('POST', '/Calls.json', { To: CALLER, From: SHOW_NUMBER, Url: `${h.app.url}/voice` });
    await waitForCall(h, String(ringing.body.sid), (c) => c.status === 'ringing');
    expect((await h.rest('POST', `/Calls/${String(ringing.body.sid)}.json`, { Status: 'canceled' })).body.status).toBe(
      'canceled',
    );
    h.app.route('/voice', twiml('<Pause length="100"/>'));
    await h.control('POST', `/_emulator/numbers/${encodeURIComponent(CALLER)}/policy`, {
      answer: 'answer',
      delayMs: 0,
    });
    const answered = await h.rest('POST', '/Calls.json', { To: CALLER, From: SHOW_NUMBER, Url: `${h.app.url}/voice` });
    await waitForCall(h, String(answered.body.sid), (c) => c.status === 'in-progress');
    expect((await h.rest('POST', `/Calls/${String(answered.body.sid)}.json`, { Status: 'canceled' })).body.status).toBe(
      'in-progress',
    );
    expect(
      (await h.rest('POST', `/Calls/${String(answered.body.sid)}.json`, { Status: 'completed' })).body.status,
    ).toBe('completed');
  });

  it('restricts waitUrl TwiML to Play, Say, Pause and Redirect, with error 13238 (docs: /docs/api/errors/13238)', async () => {
    h.app.route(
      '/voice',
      twiml('<Dial><Conference startConferenceOnEnter="false" waitUrl="/bad-wait">room</Conference></Dial>'),
    );
    h.app.route('/bad-wait', twiml('<Dial><Conference>other</Conference></Dial>'));
    const sid = await h.ring(CALLER);
    await h.emulator.waitFor((s) => s.notifications.find((n) => n.callSid === sid && n.code === 13238));
    const view = await waitForCall(h, sid, (c) => c.hears?.kind === 'wait');
    expect(view.hears).toMatchObject({ kind: 'wait', audio: null, text: null });
    expect(view.timeline.at(-1)?.silent).toBe(true);
  });
});
