import type { AudioLoad, AudioReport } from '@/emulator';

/** JSON over the emulator's control API; a non-2xx answer throws with what the emulator said. */
export function emulatorControl(emulatorUrl: string) {
  return async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${emulatorUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator ${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

/** What a party says: a tone, a WAV file (fetched by the emulator), nothing, or a browser leg's own microphone. */
export type EmulatorVoice =
  | { source: 'tone'; frequency: number; amplitude?: number }
  | { source: 'wav'; url: string; loop?: boolean }
  | { source: 'silence' }
  | { source: 'device' };

/**
 * The emulator's sound, per call (a simulated phone or a browser leg): make it speak, read what it hears.
 * @public The audio tests of issue 12 are being written against it.
 */
export function emulatorAudio(emulatorUrl: string) {
  const control = emulatorControl(emulatorUrl);
  const readingPath = (base: string, options: { windowMs?: number; frequencies?: number[] }) => {
    const query = new URLSearchParams();
    if (options.windowMs !== undefined) query.set('windowMs', String(options.windowMs));
    if (options.frequencies) query.set('frequencies', options.frequencies.join(','));
    return `${base}?${query.toString()}`;
  };
  return {
    speak: (callSid: string, voice: EmulatorVoice) =>
      control<{ callSid: string }>('POST', `/_emulator/calls/${callSid}/speak`, voice),
    tone: (callSid: string, frequency: number, amplitude = 0.25) =>
      control<{ callSid: string }>('POST', `/_emulator/calls/${callSid}/speak`, {
        source: 'tone',
        frequency,
        amplitude,
      }),
    silence: (callSid: string) =>
      control<{ callSid: string }>('POST', `/_emulator/calls/${callSid}/speak`, { source: 'silence' }),
    /** Received and sent audio of a call over the last windowMs (default 1000), with tone levels. */
    read: (callSid: string, options: { windowMs?: number; frequencies?: number[] } = {}) =>
      control<AudioReport>('GET', readingPath(`/_emulator/calls/${callSid}/audio`, options)),
    /** The same for the newest live call of a browser identity. */
    readClient: (identity: string, options: { windowMs?: number; frequencies?: number[] } = {}) =>
      control<AudioReport>('GET', readingPath(`/_emulator/clients/${encodeURIComponent(identity)}/audio`, options)),
    /** Tone frequencies (of those asked) present in what the call received. */
    heardTones: async (callSid: string, frequencies: number[], windowMs = 500): Promise<number[]> => {
      const report = await control<AudioReport>(
        'GET',
        readingPath(`/_emulator/calls/${callSid}/audio`, { windowMs, frequencies }),
      );
      return report.received.tones.filter((t) => t.present).map((t) => t.frequency);
    },
    /** Mouth-to-ear delay the emulator adds: the latest onset of the tone at `from` to its arrival at `to`. */
    delay: (from: string, to: string, frequency: number) =>
      control<{ delayMs: number; spokeAt: number; heardAt: number }>(
        'GET',
        `/_emulator/audio/delay?from=${from}&to=${to}&frequency=${frequency}`,
      ),
    /** The mixer's work so far (ticks, busyMs, partyTicks) and the emulator's process CPU. */
    load: () => control<AudioLoad>('GET', '/_emulator/audio/load'),
    /** The Voice SDK's signalling host for this emulator (its `chunderw` option) and the wss URL. */
    signal: async () =>
      (await control<{ signal: { chunderw: string; url: string } }>('GET', '/_emulator/health')).signal,
  };
}
