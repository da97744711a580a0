import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOLD_MUSIC_PATH, HOLD_TWIML_PATH, LOBBY_ROOM, VOICE_FALLBACK_TWIML_PATH } from './static-audio';
import { holdAudioTwiml, lobbyTwiml } from './twiml';

const publicFile = (path: string) => readFileSync(join(process.cwd(), 'public', path));

describe('the static files Twilio fetches while the app may be down', () => {
  it('the hold TwiML is exactly the loop of the shipped hold music, with verbs a waitUrl may use', () => {
    const xml = publicFile(HOLD_TWIML_PATH).toString('utf8').trim();
    expect(xml).toBe(holdAudioTwiml(HOLD_MUSIC_PATH));
    expect(xml).toContain(`<Play loop="0">${HOLD_MUSIC_PATH}</Play>`);
  });

  it('the voice fallback waits in the lobby with the static hold TwiML, and asks the door when the caller leaves', () => {
    const xml = publicFile(VOICE_FALLBACK_TWIML_PATH).toString('utf8').trim();
    expect(xml).toBe(lobbyTwiml({ lobby: LOBBY_ROOM, waitUrl: HOLD_TWIML_PATH, action: '/api/twilio/voice' }));
    expect(xml).toContain('startConferenceOnEnter="false"');
    expect(xml).toContain(`waitUrl="${HOLD_TWIML_PATH}" waitMethod="GET"`);
  });

  it('the hold music is mono 16-bit PCM WAV at a telephone rate, audible, and loops without a click', () => {
    const wav = publicFile(HOLD_MUSIC_PATH);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt16LE(20)).toBe(1);
    expect(wav.readUInt16LE(22)).toBe(1);
    expect([8000, 16000]).toContain(wav.readUInt32LE(24));
    expect(wav.readUInt16LE(34)).toBe(16);
    const samples = new Int16Array(wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length));
    const seconds = samples.length / wav.readUInt32LE(24);
    expect(seconds).toBeGreaterThanOrEqual(3);
    const peak = samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
    expect(peak).toBeGreaterThan(3000);
    // First and last samples near zero: the loop point is silent-to-silent, so it does not click.
    expect(Math.abs(samples[0] ?? 99999)).toBeLessThan(200);
    expect(Math.abs(samples[samples.length - 1] ?? 99999)).toBeLessThan(200);
  });
});
