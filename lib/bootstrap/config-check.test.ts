import { describe, expect, it } from 'vitest';
import { configurationProblems } from './config-check';

const live = {
  TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_API_KEY_SID: `SK${'b'.repeat(32)}`,
  TWILIO_API_KEY_SECRET: 'secret',
  TWILIO_TWIML_APP_SID: `AP${'c'.repeat(32)}`,
  PUBLIC_BASE_URL: 'https://radio.example.com',
};

describe('start-up configuration check', () => {
  it('finds nothing wrong in rehearsal mode with no settings at all', () => {
    expect(configurationProblems({})).toEqual([]);
  });

  it('finds nothing wrong with a complete live configuration', () => {
    expect(configurationProblems({ ...live, DATABASE_URL: 'postgres://db/sb', AUTH_SECRET: 's' })).toEqual([]);
  });

  it('names each missing or malformed Twilio setting', () => {
    const [problem] = configurationProblems({ ...live, TWILIO_API_KEY_SID: 'SK123', PUBLIC_BASE_URL: '' });
    expect(problem).toContain('TWILIO_API_KEY_SID must be "SK" followed by 32 hex digits.');
    expect(problem).toContain('PUBLIC_BASE_URL is missing.');
  });

  it('asks for a shared AUTH_SECRET when instances share a Postgres', () => {
    expect(configurationProblems({ DATABASE_URL: 'postgres://db/sb' })).toEqual([
      expect.stringContaining('AUTH_SECRET is not set'),
    ]);
  });

  it('reports a malformed general setting at start', () => {
    expect(configurationProblems({ RECONCILE_INTERVAL_MS: '0' })).toEqual([
      expect.stringContaining('RECONCILE_INTERVAL_MS must be between 100 and'),
    ]);
  });
});
