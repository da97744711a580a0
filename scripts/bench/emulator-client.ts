export const EMULATOR_ACCOUNT_SID = 'AC00000000000000000000000000e1a1a7';
const EMULATOR_AUTH_TOKEN = 'emulator-rehearsal-auth-token-0000';
const BASIC = `Basic ${Buffer.from(`${EMULATOR_ACCOUNT_SID}:${EMULATOR_AUTH_TOKEN}`).toString('base64')}`;

export interface Hearing {
  kind: string;
  friendlyName?: string;
  text?: string;
  hears?: { callSid: string; identity?: string | null }[];
}

export interface EmulatorCall {
  sid: string;
  status: string;
  from: string;
  room: string | null;
  hears: Hearing | null;
  answeredAt: number | null;
  endTime: number | null;
  timeline: { hearing: Hearing }[];
}

export interface WebhookEntry {
  kind: string;
  callSid: string | null;
  url: string;
  sentAt: number;
  latencyMs: number | null;
  status: number | null;
  error: string | null;
}

export interface EmulatorState {
  calls: EmulatorCall[];
  numbers: { sid: string; phoneNumber: string; voiceUrl: string | null; statusCallback: string | null }[];
  webhooks: WebhookEntry[];
}

export class EmulatorClient {
  constructor(readonly url: string) {}

  async control<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`emulator ${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  ring(from: string, to: string): Promise<{ sid: string }> {
    return this.control('POST', '/_emulator/calls', { from, to });
  }

  call(sid: string): Promise<EmulatorCall> {
    return this.control('GET', `/_emulator/calls/${sid}`);
  }

  hangUp(sid: string): Promise<unknown> {
    return this.control('POST', `/_emulator/calls/${sid}/hangup`);
  }

  state(): Promise<EmulatorState> {
    return this.control('GET', '/_emulator/state');
  }

  /** Calls not yet ended, from the REST list (light: no timelines), so waiting does not load the emulator. */
  async liveSids(): Promise<Set<string>> {
    const live = new Set<string>();
    for (const status of ['queued', 'ringing', 'in-progress']) {
      const response = await fetch(
        `${this.url}/2010-04-01/Accounts/${EMULATOR_ACCOUNT_SID}/Calls.json?Status=${status}&PageSize=1000`,
        { headers: { authorization: BASIC } },
      );
      if (!response.ok) throw new Error(`listing ${status} calls failed: ${response.status}`);
      for (const call of ((await response.json()) as { calls: { sid: string }[] }).calls) live.add(call.sid);
    }
    return live;
  }

  /** Twilio's REST API: what a person does in the console to point a number somewhere else. */
  async pointNumber(numberSid: string, urls: { voiceUrl: string; statusCallback: string }): Promise<void> {
    const response = await fetch(
      `${this.url}/2010-04-01/Accounts/${EMULATOR_ACCOUNT_SID}/IncomingPhoneNumbers/${numberSid}.json`,
      {
        method: 'POST',
        headers: {
          authorization: BASIC,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({
          VoiceUrl: urls.voiceUrl,
          VoiceMethod: 'POST',
          StatusCallback: urls.statusCallback,
          StatusCallbackMethod: 'POST',
        }),
      },
    );
    if (!response.ok) throw new Error(`pointing ${numberSid} failed: ${response.status} ${await response.text()}`);
  }
}

export async function pollUntil<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs: number,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
