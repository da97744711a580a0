// Writes the Voice SDK's sounds (lib/audio/device-sounds.ts) as WAV files into public/, where rehearsal's
// Device settings point the SDK. Deterministic: re-running changes nothing unless the definitions change.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deviceSoundUrl, SDK_SOUND_NAMES } from '../lib/audio/device-options';
import { DEVICE_SOUND_SAMPLE_RATE, DEVICE_SOUNDS } from '../lib/audio/device-sounds';
import { encodeWav, renderTones } from '../lib/audio/wav';

for (const name of SDK_SOUND_NAMES) {
  const file = path.join('public', deviceSoundUrl(name));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, encodeWav(renderTones(DEVICE_SOUNDS[name], DEVICE_SOUND_SAMPLE_RATE), DEVICE_SOUND_SAMPLE_RATE));
  console.log(`wrote ${file}`);
}
