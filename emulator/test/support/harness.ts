import twilio from 'twilio';
import { pointTwilioClientAt, startEmulator, type Emulator, type EmulatorOptions } from '../../index';
import { startTestApp, type TestApp } from './test-app';

export const SHOW_NUMBER = '+15005550006';
export const CALLER = '+14155550100';

export interface Harness {
  emulator: Emulator;
  app: TestApp;
  client: twilio.Twilio;
  /** POSTs JSON to the control API and returns the parsed answer. */
  control<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>;
  /** Calls the REST API directly (Basic auth, form body) and returns status and parsed JSON. */
  rest(
    method: string,
    path: string,
    form?: Record<string, string | string[]>,
    auth?: string,
  ): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Buys the show number with its VoiceUrl at the test app's /voice. */
  provisionShowNumber(extra?: Record<string, string>): Promise<void>;
  ring(from?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const emulator = await startEmulator({ port: 0, ...options });
  const app = await startTestApp(emulator.authToken);
  const client = pointTwilioClientAt(twilio(emulator.accountSid, emulator.authToken), emulator.url);
  const control: Harness['control'] = async (method, path, body) => {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as never };
  };
  const rest: Harness['rest'] = async (method, path, form, auth) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form ?? {})) for (const v of [value].flat()) body.append(key, v);
    const credentials = auth ?? `${emulator.accountSid}:${emulator.authToken}`;
    const response = await fetch(`${emulator.url}/2010-04-01/Accounts/${emulator.accountSid}${path}`, {
      method,
      headers: {
        Authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: method === 'GET' || method === 'DELETE' ? undefined : body.toString(),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
  };
  return {
    emulator,
    app,
    client,
    control,
    rest,
    provisionShowNumber: async (extra = {}) => {
      await client.incomingPhoneNumbers.create({ phoneNumber: SHOW_NUMBER, voiceUrl: `${app.url}/voice`, ...extra });
    },
    ring: async (from = CALLER) => {
      const answer = await control<{ sid: string }>('POST', '/_emulator/calls', { from, to: SHOW_NUMBER });
      if (answer.status !== 201) throw new Error(`ring failed: ${JSON.stringify(answer.body)}`);
      return answer.body.sid;
    },
    close: async () => {
      await emulator.close();
      await app.close();
    },
  };
}

export const twiml = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><Response>${inner}</Response>`;
