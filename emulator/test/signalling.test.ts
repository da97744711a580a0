import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, twiml, type Harness } from './support/harness';
import { eventually, SdkClient, type SdkCall } from './support/sdk-client';
import { setupBrowser, type BrowserSetup } from './support/tokens';
import { waitForCall, waitForRequests } from './support/wait';

describe("the Voice SDK's signalling (wss://…/signal)", () => {
  let h: Harness;
  let browser: BrowserSetup;
  const open: Array<SdkClient | SdkCall> = [];
  const client = async (): Promise<SdkClient> => {
    const made = await SdkClient.open(h.emulator);
    open.push(made);
    return made;
  };

  beforeEach(async () => {
    h = await startHarness();
    browser = await setupBrowser(h);
    h.app.route('/client-voice', (req) => twiml(`<Dial><Conference>${req.params.room ?? 'lobby'}</Conference></Dial>`));
  });
  afterEach(async () => {
    for (const item of open.splice(0)) await item.close();
    await h.close();
  });

  it('is served over TLS on the emulator port, and the health route names it', async () => {
    const health = await h.control<{ signal: { chunderw: string; url: string } }>('GET', '/_emulator/health');
    const port = new URL(h.emulator.url).port;
    expect(health.body.signal).toEqual({ chunderw: `127.0.0.1:${port}`, url: `wss://127.0.0.1:${port}/signal` });
    expect(h.emulator.signal.chunderw).toBe(`127.0.0.1:${port}`);
  });

  it("answers listen with the token's identity and remaining ttl", async () => {
    const sdk = await client();
    const connected = await sdk.listen(browser.token('host-1', { ttl: 600 }));
    expect(connected.type).toBe('connected');
    expect(connected.version).toBe('1.6');
    expect(connected.payload.token).toMatchObject({ identity: 'host-1' });
    const ttl = (connected.payload.token as { ttl: number }).ttl;
    expect(ttl).toBeGreaterThan(590);
    expect(ttl).toBeLessThanOrEqual(600);
  });

  it('refuses a garbage, a wrongly signed and an expired token with 20101, 20107 and 20104', async () => {
    const sdk = await client();
    expect((await sdk.listen('a.b.c')).payload.error?.code).toBe(20101);
    expect((await sdk.listen(browser.token('a', { secret: 'not-the-secret' }))).payload.error?.code).toBe(20107);
    expect((await sdk.listen(browser.token('a', { ttl: -10 }))).payload.error?.code).toBe(20104);
    const refreshed = await sdk.listen(browser.token('a'));
    expect(refreshed.type).toBe('connected');
  });

  it("invites: requests the TwiML App's Voice URL as client:<identity> with the params, answers with the real CallSid and carries audio", async () => {
    const sdk = await client();
    await sdk.listen(browser.token('screener-7'));
    const call = await sdk.connect({ room: 'screen-7', role: 'screener' });
    open.push(call);
    expect(call.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    const [request] = await waitForRequests(h, '/client-voice');
    expect(request?.params).toMatchObject({
      From: 'client:screener-7',
      room: 'screen-7',
      role: 'screener',
      CallSid: call.callSid,
      ApplicationSid: browser.appSid,
    });
    await waitForCall(h, call.callSid, (c) => c.room === 'screen-7');
    // Silence frames flow even when nobody speaks: the SDK reports a dead line otherwise.
    await eventually(() => call.packetsReceived >= 10, 8000, 'RTP from the emulator');
  });

  it('hangs up the call when the browser sends hangup, and tells the browser when the emulator ends it', async () => {
    const sdk = await client();
    await sdk.listen(browser.token('host-1'));
    const first = await sdk.connect({ room: 'a' });
    open.push(first);
    sdk.send('hangup', { callsid: first.callSid });
    await waitForCall(h, first.callSid, (c) => c.status === 'completed');
    const second = await sdk.connect({ room: 'b' });
    open.push(second);
    await waitForCall(h, second.callSid, (c) => c.room === 'b');
    await h.client.calls(second.callSid).update({ status: 'completed' });
    await sdk.next('hangup', (m) => m.payload.callsid === second.callSid);
    expect(sdk.messages.filter((m) => m.type === 'hangup' && m.payload.callsid === first.callSid)).toEqual([]);
  });

  it('refuses an invite whose token expired since listen, with the error in the hangup', async () => {
    const sdk = await client();
    await sdk.listen(browser.token('late', { ttl: 1 }));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await expect(sdk.connect({})).rejects.toThrow(/20104/);
    expect(h.app.requestsTo('/client-voice')).toEqual([]);
  });

  it('ends the calls of a browser whose websocket closes without hanging up', async () => {
    const sdk = await client();
    await sdk.listen(browser.token('host-1'));
    const call = await sdk.connect({ room: 'live' });
    open.push(call);
    await waitForCall(h, call.callSid, (c) => c.room === 'live');
    await sdk.close();
    await waitForCall(h, call.callSid, (c) => c.status === 'completed');
  });

  it('rings a registered browser with an invite it can answer, and cancels one the caller abandons', async () => {
    const sdk = await client();
    await sdk.listen(browser.token('host-1'));
    sdk.send('register', { media: { audio: true } });
    await sdk.next('ready');
    await h.provisionShowNumber();
    h.app.route('/dial-host', twiml('<Dial><Conference>live</Conference></Dial>'));
    const dialled = await h.client.calls.create({
      to: 'client:host-1',
      from: '+15005550006',
      url: `${h.app.url}/dial-host`,
    });
    const invite = await sdk.next('invite');
    expect(invite.payload).toMatchObject({
      callsid: dialled.sid,
      parameters: { CallSid: dialled.sid, To: 'client:host-1' },
    });
    const call = await sdk.accept(invite);
    open.push(call);
    await waitForCall(h, dialled.sid, (c) => c.status === 'in-progress' && c.room === 'live');
    await eventually(() => call.packetsReceived >= 10, 8000, 'RTP on the incoming call');

    const abandoned = await h.client.calls.create({
      to: 'client:host-1',
      from: '+15005550006',
      url: `${h.app.url}/dial-host`,
    });
    await sdk.next('invite', (m) => m.payload.callsid === abandoned.sid);
    await h.client.calls(abandoned.sid).update({ status: 'canceled' });
    await sdk.next('cancel', (m) => m.payload.callsid === abandoned.sid);
  });

  it('sends heartbeats on an idle socket', async () => {
    await h.close();
    h = await startHarness({ signalHeartbeatMs: 100 });
    browser = await setupBrowser(h);
    const sdk = await client();
    await sdk.listen(browser.token('idle'));
    await eventually(() => sdk.heartbeats >= 3, 5000, 'three heartbeats');
  });

  it('answers a reinvite (ICE restart) on the same call with a new answer that names its candidates', async () => {
    const sdk = await client();
    await sdk.listen(browser.token('host-1'));
    const call = await sdk.connect({ room: 'live' });
    open.push(call);
    await eventually(() => call.packetsReceived >= 5, 8000, 'media before the restart');
    const first = sdk.messages.find((m) => m.type === 'answer');
    const before = sdk.messages.length;
    sdk.send('reinvite', { callsid: call.callSid, sdp: await call.restartOffer() });
    const answer = await eventually(
      () => sdk.messages.slice(before).find((m) => m.type === 'answer'),
      8000,
      'the reinvite answer',
    );
    expect(answer.payload.callsid).toBe(call.callSid);
    const sdp = String(answer.payload.sdp);
    expect(sdp).toMatch(/a=candidate:.* 127\.0\.0\.1 \d+ typ host/);
    const ufrag = (text: string) => /a=ice-ufrag:(\S+)/.exec(text)?.[1];
    expect(ufrag(sdp)).not.toBe(ufrag(String(first?.payload.sdp)));
    await call.applyAnswer(sdp);
    expect(h.emulator.call(call.callSid)?.status).toBe('in-progress');
  });

  it('presses DTMF digits sent by the browser: * leaves a hangupOnStar conference', async () => {
    h.app.route(
      '/client-voice',
      twiml('<Dial hangupOnStar="true"><Conference>live</Conference></Dial><Say>You left</Say><Pause length="30"/>'),
    );
    const sdk = await client();
    await sdk.listen(browser.token('host-1'));
    const call = await sdk.connect({});
    open.push(call);
    await waitForCall(h, call.callSid, (c) => c.room === 'live');
    sdk.send('dtmf', { callsid: call.callSid, dtmf: '*' });
    await waitForCall(h, call.callSid, (c) => c.room === null && c.status === 'in-progress');
  });

  it('hangs up with 53405 a browser call whose media never connects, so nobody sits in silence', async () => {
    await h.close();
    h = await startHarness({ mediaConnectTimeoutMs: 1500 });
    browser = await setupBrowser(h);
    h.app.route('/client-voice', twiml('<Dial><Conference>live</Conference></Dial>'));
    const sdk = await client();
    await sdk.listen(browser.token('host-1'));
    await sdk.inviteThenVanish({});
    const answer = await sdk.next('answer');
    const hangup = await sdk.next('hangup', (m) => m.payload.callsid === answer.payload.callsid);
    expect(hangup.payload.error?.code).toBe(53405);
    await waitForCall(h, String(answer.payload.callsid), (c) => c.status === 'completed');
  });
});
