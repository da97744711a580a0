import type { CallView } from '@/emulator';

export type PhoneView = Pick<CallView, 'sid' | 'status' | 'from' | 'to' | 'room' | 'hears'> & {
  participant?: { muted: boolean } | null;
};

async function control<T>(emulatorUrl: string, path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${emulatorUrl}/_emulator${path}`, {
      method: init?.method ?? 'GET',
      headers: init?.body ? { 'content-type': 'application/json' } : undefined,
      body: init?.body ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    // Nothing answered: the emulator is not running, or this page was opened at a network address, from which
    // the browser may not reach the emulator's loopback address ("Failed to fetch" tells a visitor nothing).
    throw new Error(
      `The phone simulator cannot reach the Twilio emulator at ${emulatorUrl}. It answers only on the computer running npm run dev: ` +
        `open the simulator there, at http://localhost${location.port ? `:${location.port}` : ''}/simulator, and check that npm run dev is still running.`,
    );
  }
  const json = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok)
    throw Object.assign(new Error(json.message ?? `The emulator answered ${response.status}.`), {
      status: response.status,
    });
  return json as T;
}

export type PhoneVoice = { kind: 'silence' } | { kind: 'tone'; frequency: number } | { kind: 'wav'; url: string };

/** The simulated phone network, through the emulator's control API. */
export function emulatorPhones(emulatorUrl: string) {
  return {
    ring: (from: string, to: string) =>
      control<{ sid: string }>(emulatorUrl, '/calls', { method: 'POST', body: { from, to } }).catch((e: unknown) => {
        // The emulator's own words ("IncomingPhoneNumber … not found") mean nothing to a visitor.
        const status = (e as { status?: number }).status;
        if (status === 404)
          throw new Error(
            `Nothing answers ${to} in rehearsal: it is not one of the emulator's numbers. Give the show one of them under Shows.`,
          );
        if (status === 400)
          throw new Error(
            `${to} is not connected to the app in the emulator yet. Restart npm run dev, which connects it.`,
          );
        throw e;
      }),
    view: (sid: string) => control<PhoneView>(emulatorUrl, `/calls/${sid}`),
    /** Every call the emulator knows, for the phones a reload forgot (lib/simulator/live-phones.ts). */
    calls: () => control<{ calls: CallView[] }>(emulatorUrl, '/state').then((state) => state.calls),
    press: (sid: string, digits: string) =>
      control(emulatorUrl, `/calls/${sid}/digits`, { method: 'POST', body: { digits } }),
    hangUp: (sid: string) => control(emulatorUrl, `/calls/${sid}/hangup`, { method: 'POST' }),
    /** What the simulated phone's mouth sends (emulator/README.md): a tone, a WAV file (looped) or silence. */
    speak: (sid: string, voice: PhoneVoice) =>
      control(emulatorUrl, `/calls/${sid}/speak`, {
        method: 'POST',
        body:
          voice.kind === 'tone'
            ? { source: 'tone', frequency: voice.frequency, amplitude: 0.25 }
            : voice.kind === 'wav'
              ? { source: 'wav', url: voice.url, loop: true }
              : { source: 'silence' },
      }),
  };
}
