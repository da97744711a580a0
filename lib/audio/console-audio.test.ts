import { describe, expect, it, vi } from 'vitest';
import { ConsoleAudio, MOVED_TO_NEW_EPISODE } from './console-audio';
import { LIVE_DEVICE_SETTINGS, rehearsalDeviceSettings } from './device-options';
import type { PhoneCall, PhoneDevice } from './phone-device';

type Listener = (...args: never[]) => void;

function fakeCall() {
  const listeners = new Map<string, Listener[]>();
  const call = {
    parameters: { CallSid: 'CA1' } as Record<string, string>,
    muted: false,
    mute: vi.fn((m?: boolean) => void (call.muted = m ?? true)),
    isMuted: () => call.muted,
    disconnect: vi.fn(),
    on: (event: string, listener: Listener) => void listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    emit: (event: string, ...args: unknown[]) =>
      listeners.get(event)?.forEach((l) => (l as (...a: unknown[]) => void)(...args)),
  };
  return call;
}

function fakeDevice(call: ReturnType<typeof fakeCall>) {
  let expire: () => void = () => undefined;
  let level: (level: number) => void = () => undefined;
  let changed: () => void = () => undefined;
  const inputs = [{ id: 'mic', label: 'Mic' }];
  const device = {
    connect: vi.fn(async () => call as unknown as PhoneCall),
    updateToken: vi.fn(),
    onTokenWillExpire: (l: () => void) => void (expire = l),
    onError: vi.fn(),
    onDevicesChanged: (l: () => void) => void (changed = l),
    onInputLevel: (l: (level: number) => void) => void (level = l),
    listInputs: () => inputs,
    listOutputs: () => [{ id: 'spk', label: 'Speaker' }],
    outputSelectable: () => true,
    setInput: vi.fn(async () => undefined),
    setOutput: vi.fn(async () => undefined),
    testOutput: vi.fn(async () => undefined),
    destroy: vi.fn(),
  } satisfies PhoneDevice;
  return { device, inputs, expire: () => expire(), level: (l: number) => level(l), changed: () => changed() };
}

describe('ConsoleAudio', () => {
  it('connects to the room asked for and reports the states in words', async () => {
    const call = fakeCall();
    const { device } = fakeDevice(call);
    const audio = new ConsoleAudio({
      fetchPass: async () => ({ token: 'tok', settings: LIVE_DEVICE_SETTINGS }),
      createDevice: async () => device,
    });
    await audio.connect({ room: 'live', episodeId: 'ep1' });
    expect(device.connect).toHaveBeenCalledWith({ room: 'live', episodeId: 'ep1' });
    expect(audio.getSnapshot()).toMatchObject({ status: 'connecting', liveEpisodeId: 'ep1' });
    call.emit('accept');
    expect(audio.getSnapshot()).toMatchObject({
      status: 'connected',
      callSid: 'CA1',
      inputs: [{ id: 'mic', label: 'Mic' }],
      inputId: 'mic',
      outputId: 'spk',
    });
    audio.setMuted(true);
    expect(call.mute).toHaveBeenCalledWith(true);
    expect(audio.getSnapshot().muted).toBe(true);
    call.emit('reconnecting', { code: 53405 });
    expect(audio.getSnapshot().message).toMatch(/reconnecting/i);
    call.emit('disconnect');
    expect(audio.getSnapshot()).toMatchObject({ status: 'disconnected', callSid: null });
    expect(audio.getSnapshot().message).toMatch(/Connect again/);
  });

  it('renews the token when it is about to expire', async () => {
    const call = fakeCall();
    const { device, expire } = fakeDevice(call);
    const tokens = ['first', 'second'];
    const audio = new ConsoleAudio({
      fetchPass: async () => ({ token: tokens.shift() ?? 'none', settings: LIVE_DEVICE_SETTINGS }),
      createDevice: async () => device,
    });
    await audio.connect({ room: 'screen' });
    expire();
    await vi.waitFor(() => expect(device.updateToken).toHaveBeenCalledWith('second'));
  });

  it('explains a refused microphone in words', async () => {
    const call = fakeCall();
    const { device } = fakeDevice(call);
    device.connect.mockRejectedValueOnce({ code: 31401, message: 'Permission denied' });
    const audio = new ConsoleAudio({
      fetchPass: async () => ({ token: 't', settings: LIVE_DEVICE_SETTINGS }),
      createDevice: async () => device,
    });
    await audio.connect({ room: 'screen' });
    expect(audio.getSnapshot()).toMatchObject({ status: 'error' });
    expect(audio.getSnapshot().message).toMatch(/Allow microphone access/);
  });

  it('on a plain-http network address, says to open the console securely instead of trying the microphone', async () => {
    vi.stubGlobal('window', { isSecureContext: false, location: { port: '3000' } });
    try {
      const { device } = fakeDevice(fakeCall());
      const createDevice = vi.fn(async () => device);
      const audio = new ConsoleAudio({
        fetchPass: async () => ({ token: 't', settings: LIVE_DEVICE_SETTINGS }),
        createDevice,
      });
      await audio.check();
      expect(audio.getSnapshot()).toMatchObject({ status: 'error', checking: false });
      expect(audio.getSnapshot().message).toMatch(/secure page.*http:\/\/localhost:3000/);
      await audio.connect({ room: 'screen' });
      expect(audio.getSnapshot()).toMatchObject({ status: 'error', liveEpisodeId: null });
      expect(createDevice).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('builds the device with the settings that came with the token, once for check and connect', async () => {
    const call = fakeCall();
    const { device } = fakeDevice(call);
    const settings = rehearsalDeviceSettings('127.0.0.1:3030');
    const createDevice = vi.fn(async () => device);
    const audio = new ConsoleAudio({ fetchPass: async () => ({ token: 'tok', settings }), createDevice });
    await audio.check();
    await audio.connect({ room: 'screen' });
    expect(createDevice).toHaveBeenCalledTimes(1);
    expect(createDevice).toHaveBeenCalledWith('tok', settings);
  });

  it('checks the headset: opens the microphone, lists the devices, and passes the level on', async () => {
    const call = fakeCall();
    const { device, inputs, level, changed } = fakeDevice(call);
    const audio = new ConsoleAudio({
      fetchPass: async () => ({ token: 't', settings: LIVE_DEVICE_SETTINGS }),
      createDevice: async () => device,
    });
    const levels: unknown[] = [];
    audio.onLevels((l) => levels.push(l));
    await audio.check();
    expect(device.setInput).toHaveBeenCalledWith('default');
    expect(audio.getSnapshot()).toMatchObject({
      status: 'idle',
      checked: true,
      inputs: [{ id: 'mic', label: 'Mic' }],
      inputId: 'mic',
    });
    level(0.4);
    expect(levels).toEqual([{ input: 0.4, output: null }]);
    inputs.push({ id: 'usb', label: 'USB headset' });
    changed();
    expect(audio.getSnapshot().inputs.map((i) => i.id)).toEqual(['mic', 'usb']);
    await audio.setInput('usb');
    expect(device.setInput).toHaveBeenLastCalledWith('usb');
    expect(audio.getSnapshot().inputId).toBe('usb');
  });

  it('reports what the person hears while a call is up', async () => {
    const call = fakeCall();
    const { device } = fakeDevice(call);
    const audio = new ConsoleAudio({
      fetchPass: async () => ({ token: 't', settings: LIVE_DEVICE_SETTINGS }),
      createDevice: async () => device,
    });
    const levels: unknown[] = [];
    audio.onLevels((l) => levels.push(l));
    await audio.connect({ room: 'screen' });
    call.emit('accept');
    call.emit('volume', 0.1, 0.3);
    expect(levels).toEqual([{ input: 0.1, output: 0.3 }]);
  });

  it("moves a headset still in the previous episode's live room into the new episode's room, keeping it muted", async () => {
    const first = fakeCall();
    const second = fakeCall();
    second.parameters.CallSid = 'CA2';
    const { device } = fakeDevice(first);
    device.connect.mockResolvedValueOnce(first);
    device.connect.mockResolvedValueOnce(second);
    const audio = new ConsoleAudio({
      fetchPass: async () => ({ token: 't', settings: LIVE_DEVICE_SETTINGS }),
      createDevice: async () => device,
    });
    await audio.connect({ room: 'live', episodeId: 'ep1' });
    first.emit('accept');
    audio.setMuted(true);

    await audio.follow({ room: 'live', episodeId: 'ep1' });
    await audio.follow(null);
    expect(device.connect).toHaveBeenCalledTimes(1);

    await audio.follow({ room: 'live', episodeId: 'ep2' });
    expect(first.disconnect).toHaveBeenCalled();
    expect(device.connect).toHaveBeenLastCalledWith({ room: 'live', episodeId: 'ep2' });
    first.emit('disconnect');
    expect(audio.getSnapshot()).toMatchObject({ status: 'connecting', liveEpisodeId: 'ep2' });
    second.emit('accept');
    expect(second.mute).toHaveBeenCalledWith(true);
    expect(audio.getSnapshot()).toMatchObject({
      status: 'connected',
      callSid: 'CA2',
      liveEpisodeId: 'ep2',
      muted: true,
      message: MOVED_TO_NEW_EPISODE,
    });
    await audio.follow({ room: 'live', episodeId: 'ep2' });
    expect(device.connect).toHaveBeenCalledTimes(2);
  });

  it('leaves a headset that is off, or in a screening room, where it is', async () => {
    const { device } = fakeDevice(fakeCall());
    const audio = new ConsoleAudio({
      fetchPass: async () => ({ token: 't', settings: LIVE_DEVICE_SETTINGS }),
      createDevice: async () => device,
    });
    await audio.follow({ room: 'live', episodeId: 'ep2' });
    await audio.connect({ room: 'screen' });
    await audio.follow({ room: 'live', episodeId: 'ep2' });
    expect(device.connect).toHaveBeenCalledTimes(1);
    expect(audio.getSnapshot().liveEpisodeId).toBeNull();
  });
});
