import { FRAME_MS, FRAME_SAMPLES } from './pcm';
import { rmsLevel, toneLevel } from './goertzel';

/** A tone counts as present at or above this amplitude (about -34 dBFS). */
export const TONE_PRESENT_LEVEL = 0.02;
/** A frame quieter than this RMS (about -50 dBFS) counts as silence. */
export const SILENT_RMS = 0.003;

export interface ToneReading {
  frequency: number;
  level: number;
  present: boolean;
}

export interface AudioReading {
  frames: number;
  rms: number;
  longestSilenceMs: number;
  tones: ToneReading[];
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;

/** The last seconds of one direction of one leg, frame by frame with the time each frame passed the emulator. */
export class AudioHistory {
  /** Allocated at the first sound: most simulated phones never speak, and hundreds of them share a benchmark. */
  private samples: Int16Array = new Int16Array(0);
  private readonly times: Float64Array;
  private next = 0;
  private count = 0;

  constructor(private readonly capacity = 500) {
    this.times = new Float64Array(capacity);
  }

  push(frame: Int16Array | null, at: number): void {
    const offset = this.next * FRAME_SAMPLES;
    if (frame && this.samples.length === 0) this.samples = new Int16Array(this.capacity * FRAME_SAMPLES);
    if (frame) this.samples.set(frame.subarray(0, FRAME_SAMPLES), offset);
    else if (this.samples.length > 0) this.samples.fill(0, offset, offset + FRAME_SAMPLES);
    this.times[this.next] = at;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Indexes into the ring of the frames at or after `since`, oldest first. */
  private framesSince(since: number): number[] {
    const found: number[] = [];
    for (let k = this.count; k >= 1; k -= 1) {
      const index = (this.next - k + this.capacity) % this.capacity;
      if ((this.times[index] ?? 0) >= since) found.push(index);
    }
    return found;
  }

  private copy(indexes: number[]): Int16Array {
    const out = new Int16Array(indexes.length * FRAME_SAMPLES);
    indexes.forEach((index, i) =>
      out.set(this.samples.subarray(index * FRAME_SAMPLES, (index + 1) * FRAME_SAMPLES), i * FRAME_SAMPLES),
    );
    return out;
  }

  read(windowMs: number, frequencies: readonly number[], now = Date.now()): AudioReading {
    const indexes = this.framesSince(now - windowMs);
    const block = this.copy(indexes);
    let longest = 0;
    let run = 0;
    for (let i = 0; i < indexes.length; i += 1) {
      if (rmsLevel(block, i * FRAME_SAMPLES, FRAME_SAMPLES) < SILENT_RMS) longest = Math.max(longest, ++run);
      else run = 0;
    }
    return {
      frames: indexes.length,
      rms: round(rmsLevel(block)),
      longestSilenceMs: longest * FRAME_MS,
      tones: frequencies.map((frequency) => {
        const level = toneLevel(block, frequency);
        return { frequency, level: round(level), present: level >= TONE_PRESENT_LEVEL };
      }),
    };
  }

  private frameHasTone(index: number, frequency: number): boolean {
    return toneLevel(this.samples, frequency, index * FRAME_SAMPLES, FRAME_SAMPLES) >= TONE_PRESENT_LEVEL;
  }

  /** When the tone last started (a frame with it after one without), or null. */
  latestOnset(frequency: number): number | null {
    const indexes = this.framesSince(0);
    for (let i = indexes.length - 1; i >= 1; i -= 1) {
      const here = indexes[i] ?? 0;
      if (this.frameHasTone(here, frequency) && !this.frameHasTone(indexes[i - 1] ?? 0, frequency))
        return this.times[here] ?? null;
    }
    return null;
  }

  /** The first frame at or after `since` that carries the tone, or null. */
  firstWithTone(frequency: number, since: number): number | null {
    for (const index of this.framesSince(since))
      if (this.frameHasTone(index, frequency)) return this.times[index] ?? null;
    return null;
  }
}
