/**
 * The Voice SDK Device configuration that differs between going live and rehearsal. The browser code path is
 * the same (`createTwilioDevice`); only these values change. In rehearsal they point the unmodified SDK at the
 * local emulator through private options (`chunderw`, `publishEvents`), which the contract test
 * (`voice-sdk-contract.test.ts`) pins to the SDK version in package.json.
 */

/** Every sound the SDK plays (its `Device.SoundName`); naming all of them keeps it from fetching any from sdk.twilio.com. */
export const SDK_SOUND_NAMES = [
  'incoming',
  'outgoing',
  'disconnect',
  'dtmf0',
  'dtmf1',
  'dtmf2',
  'dtmf3',
  'dtmf4',
  'dtmf5',
  'dtmf6',
  'dtmf7',
  'dtmf8',
  'dtmf9',
  'dtmfs',
  'dtmfh',
] as const;
export type SdkSoundName = (typeof SDK_SOUND_NAMES)[number];

/** Where the app serves its own synthesized copies of those sounds (scripts/make-device-sounds.ts writes them). */
export const DEVICE_SOUNDS_PATH = '/sounds/device';

export function deviceSoundUrl(name: SdkSoundName): string {
  return `${DEVICE_SOUNDS_PATH}/${name}.wav`;
}

/** PCMU first: the emulator (and any G.711 path) needs no Opus; Twilio accepts either. */
export const CODEC_PREFERENCES = ['pcmu', 'opus'] as const;

/** What /api/voice-token returns beside the token, and `createTwilioDevice` applies. JSON-safe. */
export interface DeviceSettings {
  /** Device constructor options (public and the SDK's private IExtendedDeviceOptions). */
  device: {
    codecPreferences: string[];
    /** Signalling host:port; the SDK always connects to `wss://${chunderw}/signal`. Rehearsal only. */
    chunderw?: string;
    /** Off in rehearsal: Insights events would go to eventgw.twilio.com. */
    publishEvents?: boolean;
    sounds?: Partial<Record<SdkSoundName, string>>;
  };
  /** Passed to `device.connect({ rtcConfiguration })`; absent means the SDK's default (Twilio's STUN/TURN via the browser). */
  rtcConfiguration?: { iceServers: { urls: string | string[] }[] };
}

export const LIVE_DEVICE_SETTINGS: DeviceSettings = { device: { codecPreferences: [...CODEC_PREFERENCES] } };

/** Rehearsal: the emulator's signalling host, no Insights, local sounds, and ICE on the machine itself. */
export function rehearsalDeviceSettings(signallingHost: string, stunUrl?: string): DeviceSettings {
  return {
    device: {
      codecPreferences: [...CODEC_PREFERENCES],
      chunderw: signallingHost,
      publishEvents: false,
      sounds: Object.fromEntries(SDK_SOUND_NAMES.map((name) => [name, deviceSoundUrl(name)])),
    },
    rtcConfiguration: { iceServers: stunUrl ? [{ urls: stunUrl }] : [] },
  };
}
