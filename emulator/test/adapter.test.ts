import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmulatorDevice, type EmulatorCall } from '../adapter/emulator-device';
import { startHarness, twiml, type Harness } from './support/harness';
import { setupBrowser, type BrowserSetup } from './support/tokens';
import { waitForCall } from './support/wait';

describe('EmulatorDevice, the voice-sdk shaped adapter', () => {
  let h: Harness;
  let browser: BrowserSetup;
  const devices: EmulatorDevice[] = [];
  const device = (identity: string): EmulatorDevice => {
    const d = new EmulatorDevice(browser.token(identity), { emulatorUrl: h.emulator.url, pollIntervalMs: 20 });
    devices.push(d);
    return d;
  };

  beforeEach(async () => {
    h = await startHarness();
    browser = await setupBrowser(h);
    h.app.route('/client-voice', twiml('<Dial><Conference>live</Conference></Dial>'));
  });
  afterEach(async () => {
    for (const d of devices.splice(0)) d.destroy();
    await h.close();
  });

  it('registers, connects with params, reports accept, mutes and disconnects like the SDK', async () => {
    const host = device('host');
    const events: string[] = [];
    host.on('registered', () => events.push('registered'));
    await host.register();
    expect(host.state).toBe('registered');
    const call = await host.connect({ params: { episode: 'e1' } });
    expect(call.parameters.CallSid).toMatch(/^CA[0-9a-f]{32}$/);
    await new Promise<void>((resolve) => call.on('accept', () => resolve()));
    expect(call.status()).toBe('open');
    expect(h.app.requestsTo('/client-voice')[0]?.params.episode).toBe('e1');
    const muted: boolean[] = [];
    call.on('mute', (isMuted) => muted.push(isMuted));
    call.mute(true);
    expect(call.isMuted()).toBe(true);
    await waitForCall(h, call.sid, (c) => c.micMuted);
    const disconnected = new Promise<void>((resolve) => call.on('disconnect', () => resolve()));
    call.disconnect();
    await disconnected;
    expect(call.status()).toBe('closed');
    await waitForCall(h, call.sid, (c) => c.status === 'completed');
    expect(events).toEqual(['registered']);
    expect(muted).toEqual([true]);
  });

  it('emits disconnect when the far end ends the call', async () => {
    const host = device('host');
    const call = await host.connect();
    await new Promise<void>((resolve) => call.on('accept', () => resolve()));
    const disconnected = new Promise<void>((resolve) => call.on('disconnect', () => resolve()));
    await h.rest('POST', `/Calls/${call.sid}.json`, { Status: 'completed' });
    await disconnected;
    expect(host.calls).toEqual([]);
  });

  it('raises incoming for a call to the registered identity and connects it on accept', async () => {
    await h.provisionShowNumber();
    const screener = device('screener');
    await screener.register();
    const incoming = new Promise<EmulatorCall>((resolve) => screener.on('incoming', resolve));
    const added = await h.rest('POST', '/Conferences/screen-1/Participants.json', {
      From: '+15005550006',
      To: 'client:screener',
    });
    const call = await incoming;
    expect(call.parameters.CallSid).toBe(added.body.call_sid);
    expect(call.status()).toBe('pending');
    const accepted = new Promise<void>((resolve) => call.on('accept', () => resolve()));
    call.accept();
    await accepted;
    await waitForCall(h, call.sid, (c) => c.room === 'screen-1');
  });

  it('emits error when the token is refused and destroyed on destroy', async () => {
    const bad = new EmulatorDevice(browser.token('x', { secret: 'wrong' }), {
      emulatorUrl: h.emulator.url,
      pollIntervalMs: 20,
    });
    devices.push(bad);
    const errors: number[] = [];
    bad.on('error', (error) => errors.push(error.code));
    await expect(bad.connect()).rejects.toMatchObject({ code: 20107 });
    const destroyed = new Promise<void>((resolve) => bad.on('destroyed', () => resolve()));
    bad.destroy();
    await destroyed;
    expect(bad.state).toBe('destroyed');
    expect(errors).toEqual([20107]);
  });

  it('warns tokenWillExpire ahead of expiry and accepts updateToken', async () => {
    const short = new EmulatorDevice(browser.token('host', { ttl: 1 }), {
      emulatorUrl: h.emulator.url,
      tokenRefreshMs: 900,
    });
    devices.push(short);
    await new Promise<void>((resolve) => short.on('tokenWillExpire', () => resolve()));
    short.updateToken(browser.token('host'));
    const call = await short.connect();
    expect(call.parameters.CallSid).toMatch(/^CA/);
  });
});
