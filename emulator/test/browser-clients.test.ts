import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, twiml, type Harness } from './support/harness';
import { setupBrowser, type BrowserSetup } from './support/tokens';
import { waitForCall, waitForRequests } from './support/wait';

describe('browser identities (emulated device.connect)', () => {
  let h: Harness;
  let browser: BrowserSetup;
  beforeEach(async () => {
    h = await startHarness();
    browser = await setupBrowser(h);
    h.app.route('/client-voice', (req) =>
      twiml(`<Dial><Conference>screen-${req.params.From?.slice(7) ?? ''}</Conference></Dial>`),
    );
  });
  afterEach(() => h.close());

  it("requests the TwiML App's Voice URL with From=client:<identity> and the connect params", async () => {
    const answer = await h.control<{ sid: string }>('POST', '/_emulator/clients/screener-7/connect', {
      token: browser.token('screener-7'),
      params: { role: 'screener' },
    });
    expect(answer.status).toBe(201);
    const [request] = await waitForRequests(h, '/client-voice');
    expect(request?.params).toMatchObject({
      From: 'client:screener-7',
      Caller: 'client:screener-7',
      role: 'screener',
      ApplicationSid: browser.appSid,
      CallSid: answer.body.sid,
      Direction: 'inbound',
    });
    expect(request?.signatureValid).toBe(true);
    await waitForCall(h, answer.body.sid, (c) => c.room === 'screen-screener-7');
  });

  it('refuses a token signed with the wrong secret, an expired token and a token for another identity', async () => {
    const wrongSecret = await h.control('POST', '/_emulator/clients/a/connect', {
      token: browser.token('a', { secret: 'not-the-secret' }),
    });
    expect(wrongSecret.body).toMatchObject({ status: 401, code: 20107 });
    const expired = await h.control('POST', '/_emulator/clients/a/connect', {
      token: browser.token('a', { ttl: -10 }),
    });
    expect(expired.body).toMatchObject({ status: 401, code: 20104 });
    const otherIdentity = await h.control('POST', '/_emulator/clients/a/connect', { token: browser.token('b') });
    expect(otherIdentity.status).toBe(403);
    const garbage = await h.control('POST', '/_emulator/clients/a/connect', { token: 'a.b.c' });
    expect(garbage.body).toMatchObject({ status: 401, code: 20101 });
    expect(h.app.requestsTo('/client-voice')).toEqual([]);
  });

  it('rings a registered identity when the Participants API dials client:<identity>', async () => {
    await h.provisionShowNumber();
    const registered = await h.control('POST', '/_emulator/clients/host-1/register', {
      token: browser.token('host-1'),
    });
    expect(registered.status).toBe(200);
    const added = await h.rest('POST', '/Conferences/live-1/Participants.json', {
      From: '+15005550006',
      To: 'client:host-1',
      Label: 'host',
    });
    expect(added.status).toBe(201);
    const call = await waitForCall(
      h,
      String(added.body.call_sid),
      (c) => c.status === 'in-progress' && c.room === 'live-1',
    );
    expect(call.from).toBe('+15005550006');
  });

  it('lets an unregistered identity go unanswered', async () => {
    await h.provisionShowNumber();
    const added = await h.rest('POST', '/Calls.json', {
      From: '+15005550006',
      To: 'client:nobody',
      Twiml: '<Response><Say>hi</Say></Response>',
      Timeout: '5',
    });
    const call = await waitForCall(h, String(added.body.sid), (c) => c.status === 'no-answer');
    expect(call.answeredAt).toBeNull();
  });
});
