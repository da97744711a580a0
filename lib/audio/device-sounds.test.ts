import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviceSoundUrl, rehearsalDeviceSettings, SDK_SOUND_NAMES } from './device-options';
import { DEVICE_SOUND_SAMPLE_RATE, DEVICE_SOUNDS } from './device-sounds';
import { encodeWav, renderTones } from './wav';

describe('the Voice SDK sounds the app ships', () => {
  it('exist in public/ for every sound rehearsal names, as scripts/make-device-sounds.ts renders them', () => {
    const { sounds } = rehearsalDeviceSettings('127.0.0.1:3030').device;
    expect(Object.keys(sounds ?? {}).sort()).toEqual([...SDK_SOUND_NAMES].sort());
    for (const name of SDK_SOUND_NAMES) {
      const file = readFileSync(path.join('public', deviceSoundUrl(name)));
      const expected = encodeWav(renderTones(DEVICE_SOUNDS[name], DEVICE_SOUND_SAMPLE_RATE), DEVICE_SOUND_SAMPLE_RATE);
      expect(
        Buffer.compare(file, Buffer.from(expected)),
        `${name}.wav is stale: run npx tsx scripts/make-device-sounds.ts`,
      ).toBe(0);
    }
  });

  it('are audible: each is louder than silence and no longer than the SDK lets it play', () => {
    for (const name of SDK_SOUND_NAMES) {
      const samples = renderTones(DEVICE_SOUNDS[name], DEVICE_SOUND_SAMPLE_RATE);
      const peak = samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
      expect(peak, name).toBeGreaterThan(0.2);
      expect(samples.length / DEVICE_SOUND_SAMPLE_RATE, name).toBeLessThanOrEqual(6);
    }
  });
});
