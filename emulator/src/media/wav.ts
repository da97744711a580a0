import { SAMPLE_RATE } from './pcm';

export class AudioFormatError extends Error {}

/** Reads a RIFF/WAVE file (PCM 8/16/24/32-bit, float32, μ-law or A-law; any rate and channel count) as 8 kHz mono. */
export function decodeWav(file: Buffer): Int16Array {
  if (file.length < 12 || file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') {
    throw new AudioFormatError('not a RIFF/WAVE file');
  }
  let format: { code: number; channels: number; rate: number; bits: number } | null = null;
  let data: Buffer | null = null;
  for (let offset = 12; offset + 8 <= file.length;) {
    const id = file.toString('ascii', offset, offset + 4);
    const declared = file.readUInt32LE(offset + 4);
    // espeak-ng --stdout writes 0x7fffffff-ish sizes it cannot know yet: take what is there.
    const size = Math.min(declared, file.length - offset - 8);
    if (id === 'fmt ') {
      let code = file.readUInt16LE(offset + 8);
      if (code === 0xfffe && size >= 26) code = file.readUInt16LE(offset + 8 + 24);
      format = {
        code,
        channels: file.readUInt16LE(offset + 10),
        rate: file.readUInt32LE(offset + 12),
        bits: file.readUInt16LE(offset + 22),
      };
    } else if (id === 'data') {
      data = file.subarray(offset + 8, offset + 8 + size);
    }
    offset += 8 + size + (size % 2);
  }
  if (!format || !data) throw new AudioFormatError('WAVE file without fmt or data chunk');
  const mono = toMonoFloat(data, format);
  return resample(mono, format.rate);
}

function alawToLinear(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a & 0x70) >> 4;
  let magnitude = (a & 0x0f) << 4;
  magnitude += exponent === 0 ? 8 : 0x108;
  if (exponent > 1) magnitude <<= exponent - 1;
  return (a & 0x80 ? magnitude : -magnitude) / 32768;
}

function ulawToLinear(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + 0x84) << exponent) - 0x84;
  return (u & 0x80 ? -magnitude : magnitude) / 32768;
}

function toMonoFloat(data: Buffer, format: { code: number; channels: number; bits: number }): Float32Array {
  const bytes = format.bits / 8;
  const frameBytes = bytes * format.channels;
  if (!Number.isInteger(bytes) || frameBytes === 0)
    throw new AudioFormatError(`unsupported sample size ${format.bits}`);
  const read = ((): ((at: number) => number) => {
    if (format.code === 1 && format.bits === 8) return (at) => (data.readUInt8(at) - 128) / 128;
    if (format.code === 1 && format.bits === 16) return (at) => data.readInt16LE(at) / 32768;
    if (format.code === 1 && format.bits === 24) return (at) => data.readIntLE(at, 3) / 8388608;
    if (format.code === 1 && format.bits === 32) return (at) => data.readInt32LE(at) / 2147483648;
    if (format.code === 3 && format.bits === 32) return (at) => data.readFloatLE(at);
    if (format.code === 7 && format.bits === 8) return (at) => ulawToLinear(data.readUInt8(at));
    if (format.code === 6 && format.bits === 8) return (at) => alawToLinear(data.readUInt8(at));
    throw new AudioFormatError(`unsupported WAVE format ${format.code} with ${format.bits}-bit samples`);
  })();
  const frames = Math.floor(data.length / frameBytes);
  const out = new Float32Array(frames);
  for (let i = 0; i < frames; i += 1) {
    let sum = 0;
    for (let c = 0; c < format.channels; c += 1) sum += read(i * frameBytes + c * bytes);
    out[i] = sum / format.channels;
  }
  return out;
}

/** To 8 kHz: each output sample averages the input samples it covers (a box filter against aliasing). */
function resample(input: Float32Array, rate: number): Int16Array {
  const ratio = rate / SAMPLE_RATE;
  const length = Math.floor(input.length / ratio);
  const out = new Int16Array(length);
  for (let i = 0; i < length; i += 1) {
    const from = i * ratio;
    const to = Math.min(input.length, from + Math.max(1, ratio));
    let sum = 0;
    let count = 0;
    for (let k = Math.floor(from); k < to; k += 1) {
      sum += input[k] ?? 0;
      count += 1;
    }
    const value = count ? sum / count : 0;
    out[i] = Math.max(-32768, Math.min(32767, Math.round(value * 32767)));
  }
  return out;
}

/** A 16-bit mono PCM WAVE file, for tests and for tones made on request. */
export function encodeWav(samples: Int16Array, rate = SAMPLE_RATE): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.length * 2, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.length * 2, 40);
  return Buffer.concat([header, Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength)]);
}
