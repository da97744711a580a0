import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { startEmulator, type Emulator } from '@/emulator';
import { getDbHandle } from '@/lib/db/client';
import { insertShow } from '@/lib/db/shows';
import { runTwilioSetup } from '@/lib/telephony/setup';
import { truncateAll } from '@/tests/support/test-database';

const NUMBER = '+15005550007';
const PUBLIC_URL = 'https://radio.example.com';
const SETTINGS = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_KEY_SID',
  'TWILIO_API_KEY_SECRET',
  'TWILIO_TWIML_APP_SID',
  'PUBLIC_BASE_URL',
  'TWILIO_API_BASE_URL',
];

let emulator: Emulator;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));

function captured() {
  const lines: string[] = [];
  return {
    lines,
    out: { log: (line: string) => lines.push(line), error: (line: string) => lines.push(`ERROR ${line}`) },
  };
}

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await emulator.close();
});

beforeEach(async () => {
  await truncateAll(await getDbHandle());
  emulator.reset();
  for (const name of SETTINGS) delete process.env[name];
  // What `npm run twilio:setup -- --account-sid … --auth-token … --public-url … --api-base-url …` sets.
  Object.assign(process.env, {
    TWILIO_ACCOUNT_SID: emulator.accountSid,
    TWILIO_AUTH_TOKEN: emulator.authToken,
    PUBLIC_BASE_URL: PUBLIC_URL,
    TWILIO_API_BASE_URL: emulator.url,
  });
  await insertShow({ name: 'Live Show', slug: 'live-show', phoneNumber: NUMBER, greeting: 'Hello.' });
});

async function buyNumber(): Promise<void> {
  const client = twilio(emulator.accountSid, emulator.authToken);
  client.api.baseUrl = emulator.url;
  await client.incomingPhoneNumbers.create({ phoneNumber: NUMBER });
}

describe('npm run twilio:setup', () => {
  it('provisions a bought number from nothing, prints the settings to add, and changes nothing on a second run', async () => {
    await buyNumber();
    const first = captured();
    expect(await runTwilioSetup(first.out)).toBe(0);
    expect(first.lines.filter((line) => /^(created|updated) /.test(line))).toEqual([
      expect.stringMatching(/^created api key SK[0-9a-f]{32}: /),
      expect.stringMatching(
        /^created twiml app AP[0-9a-f]{32}: Voice URL https:\/\/radio\.example\.com\/api\/twilio\/device$/,
      ),
      expect.stringMatching(
        /^updated phone number PN[0-9a-f]{32}: \+15005550007 rings https:\/\/radio\.example\.com\/api\/twilio\/voice#rc=2&rp=ct,5xx$/,
      ),
    ]);
    expect(first.lines.join('\n')).toMatch(/TWILIO_API_KEY_SECRET=\S+/);
    const number = emulator.state().numbers.find((n: { phoneNumber: string }) => n.phoneNumber === NUMBER);
    expect(number).toMatchObject({
      voiceUrl: `${PUBLIC_URL}/api/twilio/voice#rc=2&rp=ct,5xx`,
      voiceFallbackUrl: `${PUBLIC_URL}/twiml/voice-fallback.xml`,
      voiceFallbackMethod: 'GET',
      statusCallback: `${PUBLIC_URL}/api/twilio/status`,
    });

    const second = captured();
    expect(await runTwilioSetup(second.out)).toBe(0);
    expect(second.lines[0]).toBe('Twilio already matches this app: nothing changed.');
    expect(second.lines.join('\n')).not.toMatch(/TWILIO_API_KEY_SECRET=/);
    expect(emulator.state().applications).toHaveLength(1);
  });

  it('says which show number is missing from the account and exits non-zero', async () => {
    const run = captured();
    expect(await runTwilioSetup(run.out)).toBe(1);
    expect(run.lines).toContain(
      `ERROR Problem: The show number ${NUMBER} is not on this Twilio account: buy it or port it in, then run setup again.`,
    );
  });

  it('names a malformed setting instead of calling Twilio', async () => {
    process.env.PUBLIC_BASE_URL = 'radio.example.com';
    const run = captured();
    expect(await runTwilioSetup(run.out)).toBe(1);
    expect(run.lines.join('\n')).toContain('PUBLIC_BASE_URL must be an http(s) URL');
    expect(emulator.state().applications).toHaveLength(0);
  });
});
