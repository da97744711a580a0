import { describe, expect, it, vi } from 'vitest';
import { ConsoleAudio } from './console-audio';
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
    emit: (event: string, ...args: unknown[]) => listeners.get(event)?.forEach((l) => (l as (...a: unknown[]) => void)(...args)),
  };
  return call;
}

function fakeDevice(call: ReturnType<typeof fakeCall>) {
  let expire: () => void = () => undefined;
  const device = {
    connect: vi.fn(async () => call as unknown as PhoneCall),
    updateToken: vi.fn(),
    onTokenWillExpire: (l: () => void) => void (expire = l),
    onError: vi.fn(),
    listInputs: () => [{ id: 'mic', label: 'Mic' }],
    listOutputs: () => [{ id: 'spk', label: 'Speaker' }],
    outputSelectable: () => true,
    setInput: vi.fn(async () => undefined),
    setOutput: vi.fn(async () => undefined),
    destroy: vi.fn(),
  } satisfies PhoneDevice;
  return { device, expire: () => expire() };
}

describe('ConsoleAudio', () => {
  it('connects to the room asked for and reports the states in words', async () => {
    const call = fakeCall();
    const { device } = fakeDevice(call);
    const audio = new ConsoleAudio({ backend: { kind: 'emulator', emulatorUrl: 'http://e' }, fetchToken: async () => 'tok', createDevice: async () => device });
    await audio.connect({ room: 'live', episodeId: 'ep1' });
    expect(device.connect).toHaveBeenCalledWith({ room: 'live', episodeId: 'ep1' });
    expect(audio.getSnapshot()).toMatchObject({ status: 'connecting', liveEpisodeId: 'ep1' });
    call.emit('accept');
    expect(audio.getSnapshot()).toMatchObject({ status: 'connected', callSid: 'CA1', inputs: [{ id: 'mic', label: 'Mic' }], inputId: 'mic', outputId: 'spk' });
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
    const audio = new ConsoleAudio({ backend: { kind: 'twilio' }, fetchToken: async () => tokens.shift() ?? 'none', createDevice: async () => device });
    await audio.connect({ room: 'screen' });
    expire();
    await vi.waitFor(() => expect(device.updateToken).toHaveBeenCalledWith('second'));
  });

  it('explains a refused microphone in words', async () => {
    const call = fakeCall();
    const { device } = fakeDevice(call);
    device.connect.mockRejectedValueOnce({ code: 31401, message: 'Permission denied' });
    const audio = new ConsoleAudio({ backend: { kind: 'twilio' }, fetchToken: async () => 't', createDevice: async () => device });
    await audio.connect({ room: 'screen' });
    expect(audio.getSnapshot()).toMatchObject({ status: 'error' });
    expect(audio.getSnapshot().message).toMatch(/Allow microphone access/);
  });
});
