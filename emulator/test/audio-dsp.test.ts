import { describe, expect, it } from 'vitest';
import { AudioHistory } from '../src/media/audio-history';
import { toneLevel } from '../src/media/goertzel';
import { decodeUlaw, encodeUlaw, FRAME_SAMPLES, SAMPLE_RATE, ULAW_SILENCE } from '../src/media/pcm';
import { ClipSource, renderPattern, ToneSource } from '../src/media/sources';
import { AudioFormatError, decodeWav, encodeWav } from '../src/media/wav';
import { isTwilioMusic } from '../src/twilio-music';

function sine(frequency: number, amplitude: number, rate: number, seconds: number): Float64Array {
  return Float64Array.from(
    { length: Math.round(rate * seconds) },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / rate),
  );
}

/** A WAVE file of the given samples (-1..1) in one of the formats Twilio-hosted apps serve. */
function wavFile(samples: Float64Array, rate: number, format: 'pcm16-stereo' | 'pcm8' | 'float32' | 'ulaw'): Buffer {
  const channels = format === 'pcm16-stereo' ? 2 : 1;
  const bytes = format === 'float32' ? 4 : format === 'pcm16-stereo' ? 2 : 1;
  const data = Buffer.alloc(samples.length * channels * bytes);
  samples.forEach((s, i) => {
    if (format === 'pcm16-stereo') {
      data.writeInt16LE(Math.round(s * 32767), i * 4);
      data.writeInt16LE(Math.round(s * 32767), i * 4 + 2);
    } else if (format === 'pcm8') data.writeUInt8(Math.round(s * 127 + 128), i);
    else if (format === 'float32') data.writeFloatLE(s, i * 4);
    else data[i] = encodeUlaw(Int16Array.of(Math.round(s * 32767)))[0] ?? ULAW_SILENCE;
  });
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(format === 'float32' ? 3 : format === 'ulaw' ? 7 : 1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * channels * bytes, 28);
  header.writeUInt16LE(channels * bytes, 32);
  header.writeUInt16LE(bytes * 8, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

describe('the audio arithmetic', () => {
  it('encodes silence as 0xFF and keeps μ-law round trips within its quantisation step', () => {
    expect([...encodeUlaw(new Int16Array(FRAME_SAMPLES))].every((b) => b === ULAW_SILENCE)).toBe(true);
    const tone = new Int16Array(FRAME_SAMPLES);
    new ToneSource(440, 0.5).read(tone);
    const back = decodeUlaw(encodeUlaw(tone));
    tone.forEach((s, i) => expect(Math.abs((back[i] ?? 0) - s)).toBeLessThanOrEqual(Math.abs(s) / 16 + 8));
  });

  it('reads a tone at its amplitude in one 20 ms frame, and a tone 300 Hz away as absent', () => {
    const frame = new Int16Array(FRAME_SAMPLES);
    new ToneSource(1000, 0.25).read(frame);
    expect(toneLevel(frame, 1000)).toBeCloseTo(0.25, 1);
    expect(toneLevel(frame, 1300)).toBeLessThan(0.02);
  });

  it('finds the onset of a tone and its first arrival elsewhere', () => {
    const spoken = new AudioHistory();
    const heard = new AudioHistory();
    const tone = new ToneSource(1000, 0.25);
    const frame = new Int16Array(FRAME_SAMPLES);
    for (let t = 0; t < 50; t += 1) {
      const speaking = t >= 20;
      if (speaking) tone.read(frame);
      spoken.push(speaking ? frame : null, 1000 + t * 20);
      heard.push(t >= 23 ? frame : null, 1000 + t * 20 + 5);
    }
    const onset = spoken.latestOnset(1000);
    expect(onset).toBe(1400);
    expect(heard.firstWithTone(1000, onset ?? 0)).toBe(1465);
  });

  it('loops a clip with its pause and stops a clip played once', () => {
    const clip = renderPattern([{ frequency: 500, ms: 20 }]);
    const frame = new Int16Array(FRAME_SAMPLES);
    const looped = new ClipSource(clip, { loop: true, gapMs: 20 });
    expect([looped.read(frame), looped.read(frame), looped.read(frame)]).toEqual([true, false, true]);
    const once = new ClipSource(clip, { loop: false });
    expect([once.read(frame), once.read(frame)]).toEqual([true, false]);
  });
});

describe('WAV decoding to 8 kHz mono', () => {
  for (const [format, rate] of [
    ['pcm16-stereo', 44_100],
    ['pcm8', 8000],
    ['float32', 22_050],
    ['ulaw', 8000],
  ] as const) {
    it(`decodes ${format} at ${rate} Hz with the tone and length intact`, () => {
      const clip = decodeWav(wavFile(sine(880, 0.4, rate, 0.5), rate, format));
      expect(clip.length).toBeGreaterThan(SAMPLE_RATE * 0.49);
      expect(clip.length).toBeLessThanOrEqual(SAMPLE_RATE * 0.5);
      expect(toneLevel(clip, 880)).toBeGreaterThan(0.3);
      expect(toneLevel(clip, 1300)).toBeLessThan(0.02);
    });
  }

  it('reads back what encodeWav wrote', () => {
    const clip = renderPattern([{ frequency: 700, ms: 100 }]);
    expect([...decodeWav(encodeWav(clip))]).toEqual([...clip]);
  });

  it('refuses what is not a WAVE file', () => {
    expect(() => decodeWav(Buffer.from('ID3\u0004 an mp3'))).toThrow(AudioFormatError);
  });
});

describe("Twilio's hosted music", () => {
  it('is recognised by its default URLs and its music buckets, and nothing else', () => {
    expect(isTwilioMusic('http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3')).toBe(true);
    expect(isTwilioMusic('http://com.twilio.music.ambient.s3.amazonaws.com/aerosolspray_-_Living_Taciturn.mp3')).toBe(
      true,
    );
    expect(isTwilioMusic('https://twimlets.com/holdmusic?Bucket=com.twilio.music.classical')).toBe(true);
    expect(isTwilioMusic('http://127.0.0.1:3000/audio/hold-music.wav')).toBe(false);
  });
});
