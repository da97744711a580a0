import { describe, expect, it } from 'vitest';
import { EMULATOR_ACCOUNT_SID, EMULATOR_AUTH_TOKEN } from '@/emulator/src/constants';
import { isRehearsal } from '@/lib/env';
import { loadTwilioConfig, REHEARSAL_ACCOUNT_SID, REHEARSAL_AUTH_TOKEN } from './config';

const hex = (n: string) => n.repeat(32);
const production = {
  TWILIO_ACCOUNT_SID: `AC${hex('a')}`,
  TWILIO_AUTH_TOKEN: 'secret-token',
  TWILIO_API_KEY_SID: `SK${hex('b')}`,
  TWILIO_API_KEY_SECRET: 'key-secret',
  TWILIO_TWIML_APP_SID: `AP${hex('c')}`,
  PUBLIC_BASE_URL: 'https://sb.example.com/',
};

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

describe('Twilio configuration', () => {
  it('reads a complete production configuration', () => {
    expect(loadTwilioConfig(production)).toEqual({
      rehearsal: false,
      accountSid: production.TWILIO_ACCOUNT_SID,
      authToken: 'secret-token',
      apiKeySid: production.TWILIO_API_KEY_SID,
      apiKeySecret: 'key-secret',
      twimlAppSid: production.TWILIO_TWIML_APP_SID,
      publicBaseUrl: 'https://sb.example.com',
      apiBaseUrl: null,
    });
  });

  it('names every missing variable in one message', () => {
    const message = messageOf(() =>
      loadTwilioConfig({ TWILIO_ACCOUNT_SID: production.TWILIO_ACCOUNT_SID, TWILIO_API_KEY_SECRET: ' ' }),
    );
    for (const name of [
      'TWILIO_AUTH_TOKEN',
      'TWILIO_API_KEY_SID',
      'TWILIO_API_KEY_SECRET',
      'TWILIO_TWIML_APP_SID',
      'PUBLIC_BASE_URL',
    ]) {
      expect(message).toContain(`- ${name} is missing.`);
    }
  });

  it('explains malformed values', () => {
    const message = messageOf(() =>
      loadTwilioConfig({
        ...production,
        TWILIO_API_KEY_SID: 'AK123',
        PUBLIC_BASE_URL: 'sb.example.com',
        TWILIO_API_BASE_URL: 'ftp://x',
      }),
    );
    expect(message).toContain('TWILIO_API_KEY_SID must be "SK" followed by 32 hex digits.');
    expect(message).toContain('PUBLIC_BASE_URL must be an http(s) URL');
    expect(message).toContain('TWILIO_API_BASE_URL must be an http(s) URL');
    expect(messageOf(() => loadTwilioConfig({ ...production, TWILIO_ACCOUNT_SID: 'ACxyz' }))).toContain(
      'TWILIO_ACCOUNT_SID must be "AC" followed by 32 hex digits.',
    );
  });

  it('lets setup run before the API key and TwiML App exist', () => {
    const { TWILIO_API_KEY_SID: _k, TWILIO_API_KEY_SECRET: _s, TWILIO_TWIML_APP_SID: _a, ...partial } = production;
    expect(loadTwilioConfig(partial, 'setup')).toMatchObject({ apiKeySid: null, twimlAppSid: null });
  });

  it('points rehearsal mode at the emulator with its fixed account', () => {
    expect(isRehearsal({})).toBe(true);
    expect(loadTwilioConfig({ PORT: '4000' })).toEqual({
      rehearsal: true,
      accountSid: REHEARSAL_ACCOUNT_SID,
      authToken: REHEARSAL_AUTH_TOKEN,
      apiKeySid: null,
      apiKeySecret: null,
      twimlAppSid: null,
      publicBaseUrl: 'http://127.0.0.1:4000',
      apiBaseUrl: 'http://127.0.0.1:3030',
    });
    expect(
      loadTwilioConfig({ EMULATOR_URL: 'http://127.0.0.1:9999/', PUBLIC_BASE_URL: 'http://app.local' }),
    ).toMatchObject({
      apiBaseUrl: 'http://127.0.0.1:9999',
      publicBaseUrl: 'http://app.local',
    });
    expect(messageOf(() => loadTwilioConfig({ PORT: 'abc' }))).toContain('PORT must be a number');
  });

  it("uses the emulator's own rehearsal credentials", () => {
    expect(REHEARSAL_ACCOUNT_SID).toBe(EMULATOR_ACCOUNT_SID);
    expect(REHEARSAL_AUTH_TOKEN).toBe(EMULATOR_AUTH_TOKEN);
  });
});
