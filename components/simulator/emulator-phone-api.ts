import type { CallView } from '@/emulator';

export type PhoneView = Pick<CallView, 'sid' | 'status' | 'from' | 'to' | 'room' | 'hears'>;

async function control<T>(emulatorUrl: string, path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(`${emulatorUrl}/_emulator${path}`, {
    method: init?.method ?? 'GET',
    headers: init?.body ? { 'content-type': 'application/json' } : undefined,
    body: init?.body ? JSON.stringify(init.body) : undefined,
  });
  const json = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) throw new Error(json.message ?? `The emulator answered ${response.status}.`);
  return json as T;
}

/** The simulated phone network, through the emulator's control API. */
export function emulatorPhones(emulatorUrl: string) {
  return {
    ring: (from: string, to: string) => control<{ sid: string }>(emulatorUrl, '/calls', { method: 'POST', body: { from, to } }),
    view: (sid: string) => control<PhoneView>(emulatorUrl, `/calls/${sid}`),
    press: (sid: string, digits: string) => control(emulatorUrl, `/calls/${sid}/digits`, { method: 'POST', body: { digits } }),
    hangUp: (sid: string) => control(emulatorUrl, `/calls/${sid}/hangup`, { method: 'POST' }),
  };
}
