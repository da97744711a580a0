import type { AudioChoice } from './audio-state';
import type { Call as SdkCall } from '@twilio/voice-sdk';
import type { DeviceSettings } from './device-options';

type SdkError = { code?: number; message?: string };

/** The part of a Voice SDK Call that a console uses. */
export interface PhoneCall {
  readonly parameters: Record<string, string>;
  mute(shouldMute?: boolean): void;
  isMuted(): boolean;
  disconnect(): void;
  on(event: 'accept' | 'disconnect' | 'cancel' | 'reconnected', listener: () => void): unknown;
  on(event: 'reconnecting' | 'error', listener: (error: SdkError) => void): unknown;
  /** About every 50 ms while the call is up: microphone and received levels, 0..1. */
  on(event: 'volume', listener: (input: number, output: number) => void): unknown;
}

/** The part of a Voice SDK Device that a console uses, plus device selection, levels and a speaker test. */
export interface PhoneDevice {
  connect(params: Record<string, string>): Promise<PhoneCall>;
  updateToken(token: string): void;
  onTokenWillExpire(listener: () => void): void;
  onError(listener: (error: SdkError) => void): void;
  /** Fires when microphones or outputs are plugged in or out (and once labels become readable). */
  onDevicesChanged(listener: () => void): void;
  /** The selected microphone's level, 0..1, while one is open (before and during a call). */
  onInputLevel(listener: (level: number) => void): void;
  listInputs(): AudioChoice[];
  listOutputs(): AudioChoice[];
  outputSelectable(): boolean;
  /** Opens that microphone for the meter and the next call (asks the browser's permission the first time). */
  setInput(id: string): Promise<void>;
  setOutput(id: string): Promise<void>;
  /** Plays a short sound on the selected output, so a person can tell headphones from speakers. */
  testOutput(): Promise<void>;
  destroy(): void;
}

/** The SDK's own test tone, used when the settings carry no local sounds (going live). */
const TEST_SOUND_FALLBACK = 'https://sdk.twilio.com/js/client/sounds/releases/1.0.0/outgoing.mp3';

function choices(map: Map<string, MediaDeviceInfo> | undefined, kind: string): AudioChoice[] {
  return [...(map?.values() ?? [])].map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
}

/**
 * The one browser code path: @twilio/voice-sdk's Device, loaded only in the browser and only when a person
 * checks or connects their headset. Live and rehearsal differ only in `settings` (lib/audio/device-options.ts),
 * which come from /api/voice-token with the token.
 */
export async function createTwilioDevice(token: string, settings: DeviceSettings): Promise<PhoneDevice> {
  const { Device } = await import('@twilio/voice-sdk');
  const { codecPreferences, ...privateOptions } = settings.device;
  const device = new Device(token, {
    closeProtection: 'You are connected to the show. Leaving disconnects your headset.',
    codecPreferences: codecPreferences as SdkCall.Codec[],
    // chunderw, publishEvents and sounds: IExtendedDeviceOptions, private in 2.18.5 (voice-sdk-contract.test.ts).
    ...privateOptions,
  });
  const audio = () => device.audio;
  return {
    async connect(params) {
      const call = await device.connect({
        params,
        ...(settings.rtcConfiguration ? { rtcConfiguration: settings.rtcConfiguration } : {}),
      });
      return call;
    },
    updateToken: (t) => device.updateToken(t),
    onTokenWillExpire: (listener) => void device.on('tokenWillExpire', listener),
    onError: (listener) => void device.on('error', listener),
    onDevicesChanged: (listener) => void audio()?.on('deviceChange', listener),
    onInputLevel: (listener) => void audio()?.on('inputVolume', listener),
    listInputs: () => choices(audio()?.availableInputDevices, 'Microphone'),
    listOutputs: () => choices(audio()?.availableOutputDevices, 'Output'),
    outputSelectable: () => Boolean(audio()?.isOutputSelectionSupported),
    async setInput(id) {
      const helper = audio();
      if (!helper) return;
      if (!helper.availableInputDevices.get(id)) {
        // Before the browser's microphone permission, device ids and names are hidden: ask once, then have the SDK
        // list the devices again (its @internal _updateAvailableDevices, pinned by voice-sdk-contract.test.ts).
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        stream.getTracks().forEach((track) => track.stop());
        await helper._updateAvailableDevices();
      }
      await helper.setInputDevice(id);
    },
    async setOutput(id) {
      await audio()?.speakerDevices.set(id);
    },
    async testOutput() {
      const helper = audio();
      // Browsers without output selection (Firefox, Safari) play on the system's default output.
      if (helper?.isOutputSelectionSupported) await helper.speakerDevices.test(settings.device.sounds?.outgoing);
      else await new Audio(settings.device.sounds?.outgoing ?? TEST_SOUND_FALLBACK).play();
    },
    destroy: () => device.destroy(),
  };
}
