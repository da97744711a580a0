import { FRAME_SAMPLES, SAMPLE_RATE } from './pcm';

/** Something that can fill the next 20 ms frame; returns false (leaving `out` alone) when it has nothing to say. */
export interface AudioSource {
  read(out: Int16Array): boolean;
}

export const SILENT_SOURCE: AudioSource = { read: () => false };

/** A steady sine, phase-continuous from frame to frame. */
export class ToneSource implements AudioSource {
  private phase = 0;
  private readonly step: number;
  private readonly scale: number;

  constructor(
    readonly frequency: number,
    amplitude = 0.25,
  ) {
    this.step = (2 * Math.PI * frequency) / SAMPLE_RATE;
    this.scale = Math.max(0, Math.min(1, amplitude)) * 32767;
  }

  read(out: Int16Array): boolean {
    for (let i = 0; i < FRAME_SAMPLES; i += 1) {
      out[i] = Math.round(Math.sin(this.phase) * this.scale);
      this.phase += this.step;
    }
    this.phase %= 2 * Math.PI;
    return true;
  }
}

/** A decoded clip (8 kHz mono), once or over and over with a pause between plays. */
export class ClipSource implements AudioSource {
  private position = 0;

  constructor(
    private readonly clip: Int16Array,
    private readonly options: { loop: boolean; gapMs?: number } = { loop: true },
  ) {}

  read(out: Int16Array): boolean {
    const gap = Math.round(((this.options.gapMs ?? 0) * SAMPLE_RATE) / 1000);
    const period = this.clip.length + gap;
    if (this.clip.length === 0 || (!this.options.loop && this.position >= this.clip.length)) return false;
    let any = false;
    for (let i = 0; i < FRAME_SAMPLES; i += 1) {
      const at = this.options.loop ? this.position % period : this.position;
      const sample = at < this.clip.length ? (this.clip[at] ?? 0) : 0;
      out[i] = sample;
      if (sample !== 0) any = true;
      this.position += 1;
    }
    if (this.options.loop) this.position %= period;
    return any;
  }
}

/** Renders a tone pattern (frequency, or null for a pause, with a length) to a clip. */
export function renderPattern(
  steps: ReadonlyArray<{ frequency: number | null; ms: number }>,
  amplitude = 0.25,
): Int16Array {
  const total = steps.reduce((sum, step) => sum + Math.round((step.ms * SAMPLE_RATE) / 1000), 0);
  const clip = new Int16Array(total);
  let offset = 0;
  for (const step of steps) {
    const length = Math.round((step.ms * SAMPLE_RATE) / 1000);
    if (step.frequency !== null) {
      const tone = new ToneSource(step.frequency, amplitude);
      const frame = new Int16Array(FRAME_SAMPLES);
      for (let i = 0; i < length; i += FRAME_SAMPLES) {
        tone.read(frame);
        clip.set(frame.subarray(0, Math.min(FRAME_SAMPLES, length - i)), offset + i);
      }
    }
    offset += length;
  }
  return clip;
}
