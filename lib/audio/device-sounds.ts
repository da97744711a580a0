import type { SdkSoundName } from './device-options';
import type { ToneSegment } from './wav';

// The Voice SDK's sounds, synthesized here so rehearsal fetches nothing from sdk.twilio.com (and the app ships
// no third-party recordings). scripts/make-device-sounds.ts renders them into public/.
const DTMF: Record<string, [number, number]> = {
  '1': [697, 1209],
  '2': [697, 1336],
  '3': [697, 1477],
  '4': [770, 1209],
  '5': [770, 1336],
  '6': [770, 1477],
  '7': [852, 1209],
  '8': [852, 1336],
  '9': [852, 1477],
  s: [941, 1209],
  '0': [941, 1336],
  h: [941, 1477],
};

const dtmf = (key: string): ToneSegment[] => [{ frequencies: DTMF[key]!, ms: 150, amplitude: 0.35 }];

export const DEVICE_SOUNDS: Record<SdkSoundName, ToneSegment[]> = {
  // A North American ring: 440 + 480 Hz, then a pause; the SDK loops it while a call rings.
  incoming: [
    { frequencies: [440, 480], ms: 2000, amplitude: 0.3 },
    { frequencies: [], ms: 4000 },
  ],
  // Connecting: two rising notes.
  outgoing: [
    { frequencies: [660], ms: 120 },
    { frequencies: [], ms: 40 },
    { frequencies: [880], ms: 160 },
  ],
  // Hung up: two falling notes.
  disconnect: [
    { frequencies: [880], ms: 120 },
    { frequencies: [], ms: 40 },
    { frequencies: [587], ms: 220 },
  ],
  dtmf0: dtmf('0'),
  dtmf1: dtmf('1'),
  dtmf2: dtmf('2'),
  dtmf3: dtmf('3'),
  dtmf4: dtmf('4'),
  dtmf5: dtmf('5'),
  dtmf6: dtmf('6'),
  dtmf7: dtmf('7'),
  dtmf8: dtmf('8'),
  dtmf9: dtmf('9'),
  dtmfs: dtmf('s'),
  dtmfh: dtmf('h'),
};

export const DEVICE_SOUND_SAMPLE_RATE = 8000;
