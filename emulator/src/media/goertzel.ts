import { SAMPLE_RATE } from './pcm';

const hannCache = new Map<number, Float32Array>();

/** A Hann window keeps a neighbouring tone's leakage out of a short block's reading. */
function hann(length: number): Float32Array {
  let window = hannCache.get(length);
  if (!window) {
    window = new Float32Array(length);
    for (let i = 0; i < length; i += 1) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / Math.max(1, length - 1));
    if (hannCache.size > 32) hannCache.clear();
    hannCache.set(length, window);
  }
  return window;
}

/** Amplitude (0..1 of full scale) of one frequency in a block of samples: a windowed Goertzel filter. */
export function toneLevel(samples: Int16Array, frequency: number, start = 0, length = samples.length - start): number {
  if (length <= 1) return 0;
  const window = hann(length);
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / SAMPLE_RATE);
  let previous = 0;
  let beforePrevious = 0;
  for (let i = 0; i < length; i += 1) {
    const current = ((samples[start + i] ?? 0) / 32768) * (window[i] ?? 0) + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  // The Hann window's coherent gain is one half, so a sine of amplitude A reads A.
  return (4 * Math.sqrt(Math.max(0, power))) / length;
}

/** Root mean square level (0..1 of full scale); a full-scale sine is about 0.707. */
export function rmsLevel(samples: Int16Array, start = 0, length = samples.length - start): number {
  if (length <= 0) return 0;
  let sum = 0;
  for (let i = start; i < start + length; i += 1) {
    const s = (samples[i] ?? 0) / 32768;
    sum += s * s;
  }
  return Math.sqrt(sum / length);
}
