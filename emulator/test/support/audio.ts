import type { AudioReport } from '../../index';
import type { Harness } from './harness';
import { eventually } from './sdk-client';

/** What a call received (and sent) over the last windowMs, listening for these frequencies. */
export async function readAudio(h: Harness, sid: string, frequencies: number[], windowMs = 400): Promise<AudioReport> {
  const answer = await h.control<AudioReport>(
    'GET',
    `/_emulator/calls/${sid}/audio?windowMs=${windowMs}&frequencies=${frequencies.join(',')}`,
  );
  if (answer.status !== 200) throw new Error(`audio of ${sid}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The frequencies (of those asked) present in what the call received. */
export const tonesIn = (report: AudioReport): number[] =>
  report.received.tones.filter((t) => t.present).map((t) => t.frequency);

/** Waits until the call's received tones (of `listen`) are exactly `expected`, steadily over the window. */
export async function untilHearsExactly(
  h: Harness,
  sid: string,
  expected: number[],
  listen: number[],
  windowMs = 300,
): Promise<AudioReport> {
  let last: AudioReport | null = null;
  try {
    return await eventually(
      async () => {
        last = await readAudio(h, sid, listen, windowMs);
        const present = tonesIn(last);
        return present.length === expected.length && expected.every((f) => present.includes(f)) ? last : null;
      },
      10_000,
      `${sid} to hear exactly ${expected.join(', ') || 'none'} of ${listen.join(', ')}`,
    );
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; last reading ${JSON.stringify(last && (last as AudioReport).received)}`,
    );
  }
}

export async function speakTone(h: Harness, sid: string, frequency: number, amplitude = 0.25): Promise<void> {
  const answer = await h.control('POST', `/_emulator/calls/${sid}/speak`, { source: 'tone', frequency, amplitude });
  if (answer.status !== 200) throw new Error(`speak: ${JSON.stringify(answer.body)}`);
}
