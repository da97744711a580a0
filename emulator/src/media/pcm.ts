/** G.711 PCMU at 8 kHz in 20 ms frames: what every emulated leg sends and receives. */
export const SAMPLE_RATE = 8000;
export const FRAME_MS = 20;
export const FRAME_SAMPLES = (SAMPLE_RATE * FRAME_MS) / 1000;
/** μ-law of a zero sample: what a silent PCMU frame carries. */
export const ULAW_SILENCE = 0xff;
/** @public One frame of silence, for the media legs being built on it (issue 12). */
export const SILENCE_PAYLOAD = Buffer.alloc(FRAME_SAMPLES, ULAW_SILENCE);

const BIAS = 0x84;
const CLIP = 32635;

function encodeSample(sample: number): number {
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(sample), CLIP) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = ~(sign | (exponent << 4) | mantissa);
  return magnitude & 0xff;
}

function decodeByte(byte: number): number {
  const u = ~byte & 0xff;
  const sign = u & 0x80;
  const exponent = (u >> 4) & 0x07;
  const mantissa = u & 0x0f;
  const magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
  return sign ? -magnitude : magnitude;
}

// Tables so a frame costs one lookup a sample: 64 KiB to encode, 256 entries to decode.
const ENCODE = new Uint8Array(65536);
for (let i = 0; i < 65536; i += 1) ENCODE[i] = encodeSample(i - 32768);
const DECODE = new Int16Array(256);
for (let i = 0; i < 256; i += 1) DECODE[i] = decodeByte(i);

export function encodeUlaw(samples: Int16Array, out: Buffer = Buffer.allocUnsafe(samples.length)): Buffer {
  for (let i = 0; i < samples.length; i += 1) out[i] = ENCODE[(samples[i] ?? 0) + 32768] ?? ULAW_SILENCE;
  return out;
}

export function decodeUlaw(bytes: Uint8Array, out: Int16Array = new Int16Array(bytes.length)): Int16Array {
  for (let i = 0; i < bytes.length && i < out.length; i += 1) out[i] = DECODE[bytes[i] ?? ULAW_SILENCE] ?? 0;
  return out;
}
