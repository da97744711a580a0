import twilio from 'twilio';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_AUTH_TOKEN } from '../index';
import { startTestApp, type TestApp } from './support/test-app';
import { CALLER, SHOW_NUMBER, startHarness, twiml, type Harness } from './support/harness';
import { waitForCall, waitForRequests } from './support/wait';

describe('webhooks like Twilio sends them', () => {
  let h: Harness;
  const extraApps: TestApp[] = [];
  afterEach(async () => {
    await h.close();
    for (const app of extraApps.splice(0)) await app.close();
  });

  it('sends the documented voice request parameters for an inbound call', async () => {
    h = await startHarness();
    await h.provisionShowNumber();
    h.app.route('/voice', twiml('<Hangup/>'));
    const sid = await h.ring(CALLER);
    const [voice] = await waitForRequests(h, '/voice');
    expect(voice?.params).toMatchObject({
      CallSid: sid,
      AccountSid: h.emulator.accountSid,
      From: CALLER,
      To: SHOW_NUMBER,
      Caller: CALLER,
      Called: SHOW_NUMBER,
      CallStatus: 'ringing',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
    });
  });

  it('sends call status callbacks with SequenceNumber from 0, Timestamp, CallbackSource and CallDuration on completion', async () => {
    h = await startHarness();
    await h.provisionShowNumber();
    h.app.route('/voice', twiml('<Say>Short call</Say>'));
    const created = await h.rest('POST', '/Calls.json', {
      To: CALLER,
      From: SHOW_NUMBER,
      Url: `${h.app.url}/voice`,
      StatusCallback: `${h.app.url}/status`,
      StatusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    const callbacks = await waitForRequests(h, '/status', 4);
    const bySequence = [...callbacks].sort((a, b) => Number(a.params.SequenceNumber) - Number(b.params.SequenceNumber));
    expect(bySequence.map((r) => [r.params.SequenceNumber, r.params.CallStatus])).toEqual([
      ['0', 'initiated'],
      ['1', 'ringing'],
      ['2', 'in-progress'],
      ['3', 'completed'],
    ]);
    const completed = bySequence[3]?.params;
    expect(completed).toMatchObject({
      CallSid: created.body.sid,
      CallbackSource: 'call-progress-events',
      Direction: 'outbound-api',
    });
    expect(completed?.CallDuration).toMatch(/^\d+$/);
    expect(completed?.Timestamp).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(bySequence[0]?.params).not.toHaveProperty('CallDuration');
  });

  it("sends an inbound call's completed status to the number's StatusCallback", async () => {
    h = await startHarness();
    await h.provisionShowNumber({ statusCallback: `${h.app.url}/status` });
    h.app.route('/voice', twiml('<Say>Bye</Say>'));
    await h.ring(CALLER);
    const [status] = await waitForRequests(h, '/status');
    expect(status?.params).toMatchObject({ CallStatus: 'completed', SequenceNumber: '0', Direction: 'inbound' });
  });

  it('gives the caller an application error when the app answers invalid TwiML', async () => {
    h = await startHarness();
    await h.provisionShowNumber();
    h.app.route('/voice', twiml('<Dance/>'));
    const sid = await h.ring(CALLER);
    const failing = await waitForCall(h, sid, (c) => c.hears?.kind === 'say');
    expect(failing.hears).toMatchObject({ kind: 'say', text: expect.stringContaining('application error') });
    await waitForCall(h, sid, (c) => c.status === 'completed');
    expect(h.emulator.state().notifications[0]).toMatchObject({ callSid: sid, code: 12200 });
  });

  it('gives up on a webhook after the response budget and tries the VoiceFallbackUrl', async () => {
    h = await startHarness({ webhookTimeoutMs: 150 });
    await h.provisionShowNumber({ voiceFallbackUrl: `${h.app.url}/fallback` });
    h.app.route('/voice', { body: twiml('<Say>too late</Say>'), delayMs: 400 });
    h.app.route('/fallback', twiml('<Say>Fallback speaking</Say>'));
    const sid = await h.ring(CALLER);
    const [fallback] = await waitForRequests(h, '/fallback');
    expect(fallback?.params).toMatchObject({ CallSid: sid, ErrorCode: '11200' });
    await waitForCall(h, sid, (c) => c.hears?.kind === 'say' && c.hears.text === 'Fallback speaking');
    const voiceLog = h.emulator.state().webhooks.find((w) => w.kind === 'voice');
    expect(voiceLog?.error).toMatch(/no answer within 150 ms/);
  });

  it('spreads webhooks round-robin over webhookTargets while signing the original URL', async () => {
    const second = await startTestApp(EMULATOR_AUTH_TOKEN);
    extraApps.push(second);
    const first = await startTestApp(EMULATOR_AUTH_TOKEN);
    extraApps.push(first);
    h = await startHarness({ webhookTargets: [first.url, second.url] });
    await h.provisionShowNumber();
    for (const app of [first, second]) app.route('/voice', twiml('<Hangup/>'));
    await h.ring(CALLER);
    await h.ring('+14155550123');
    await h.emulator.waitFor(() => first.requests.length + second.requests.length >= 2);
    expect(first.requests).toHaveLength(1);
    expect(second.requests).toHaveLength(1);
    const sent = h.emulator.state().webhooks;
    expect(sent.every((w) => w.url.startsWith(h.app.url))).toBe(true);
    for (const w of sent) expect(twilio.validateRequest(h.emulator.authToken, w.signature, w.url, w.params)).toBe(true);
  });
});
