import type { AudioChoice } from './audio-state';

/** The part of a Voice SDK Call (or the emulator's) that a console uses. */
export interface PhoneCall {
  readonly parameters: Record<string, string>;
  mute(shouldMute?: boolean): void;
  isMuted(): boolean;
  disconnect(): void;
  on(event: 'accept' | 'disconnect' | 'cancel' | 'reconnected', listener: () => void): unknown;
  on(event: 'reconnecting' | 'error', listener: (error: { code?: number; message?: string }) => void): unknown;
}

/** The part of a Voice SDK Device (or the emulator's) that a console uses, plus device selection. */
export interface PhoneDevice {
  connect(params: Record<string, string>): Promise<PhoneCall>;
  updateToken(token: string): void;
  onTokenWillExpire(listener: () => void): void;
  onError(listener: (error: { code?: number; message?: string }) => void): void;
  listInputs(): AudioChoice[];
  listOutputs(): AudioChoice[];
  outputSelectable(): boolean;
  setInput(id: string): Promise<void>;
  setOutput(id: string): Promise<void>;
  destroy(): void;
}

function choices(map: Map<string, MediaDeviceInfo> | undefined, kind: string): AudioChoice[] {
  return [...(map?.values() ?? [])].map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
}

/** The real thing: @twilio/voice-sdk, loaded only in the browser and only when a person connects. */
export async function createTwilioDevice(token: string): Promise<PhoneDevice> {
  const { Device } = await import('@twilio/voice-sdk');
  const device = new Device(token, { closeProtection: 'You are connected to the show. Leaving disconnects your headset.' });
  return {
    async connect(params) {
      return (await device.connect({ params })) as unknown as PhoneCall;
    },
    updateToken: (t) => device.updateToken(t),
    onTokenWillExpire: (listener) => void device.on('tokenWillExpire', listener),
    onError: (listener) => void device.on('error', listener),
    listInputs: () => choices(device.audio?.availableInputDevices, 'Microphone'),
    listOutputs: () => choices(device.audio?.availableOutputDevices, 'Speaker'),
    outputSelectable: () => Boolean(device.audio?.isOutputSelectionSupported),
    async setInput(id) {
      await device.audio?.setInputDevice(id);
    },
    async setOutput(id) {
      await device.audio?.speakerDevices.set(id);
    },
    destroy: () => device.destroy(),
  };
}

const EMULATED: AudioChoice[] = [{ id: 'emulator', label: 'Rehearsal (emulated, no real sound)' }];

/** Rehearsal: the emulator's browser adapter, which speaks the same events over the emulator's control API. */
export async function createEmulatorDevice(token: string, emulatorUrl: string): Promise<PhoneDevice> {
  const { EmulatorDevice } = await import('@/emulator/adapter/emulator-device');
  const device = new EmulatorDevice(token, { emulatorUrl });
  return {
    async connect(params) {
      return (await device.connect({ params })) as unknown as PhoneCall;
    },
    updateToken: (t) => device.updateToken(t),
    onTokenWillExpire: (listener) => void device.on('tokenWillExpire', listener),
    onError: (listener) => void device.on('error', listener),
    listInputs: () => EMULATED,
    listOutputs: () => EMULATED,
    outputSelectable: () => true,
    setInput: async () => undefined,
    setOutput: async () => undefined,
    destroy: () => device.destroy(),
  };
}
