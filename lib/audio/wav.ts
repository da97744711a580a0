/** Mono 16-bit PCM WAV, the format every browser decodes and Chromium's fake microphone reads. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) =>
    [...value].forEach((c, i) => view.setUint8(offset + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((s, i) => view.setInt16(44 + i * 2, Math.round(Math.max(-1, Math.min(1, s)) * 32767), true));
  return bytes;
}

/** One stretch of sound: the sum of `frequencies` (silence when empty) at `amplitude` for `ms`. */
export interface ToneSegment {
  frequencies: number[];
  ms: number;
  amplitude?: number;
}

/** Renders segments one after another, with 5 ms fades so no segment starts or ends with a click. */
export function renderTones(segments: ToneSegment[], sampleRate: number): Float32Array {
  const total = segments.reduce((sum, s) => sum + Math.round((s.ms * sampleRate) / 1000), 0);
  const out = new Float32Array(total);
  const fade = Math.round(sampleRate * 0.005);
  let at = 0;
  for (const { frequencies, ms, amplitude = 0.3 } of segments) {
    const length = Math.round((ms * sampleRate) / 1000);
    for (let i = 0; i < length && frequencies.length > 0; i++) {
      const envelope = Math.min(1, i / fade, (length - 1 - i) / fade);
      const t = i / sampleRate;
      out[at + i] =
        (envelope * amplitude * frequencies.reduce((sum, f) => sum + Math.sin(2 * Math.PI * f * t), 0)) /
        frequencies.length;
    }
    at += length;
  }
  return out;
}
