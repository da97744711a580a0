import { describe, expect, it } from 'vitest';
import { DEFAULT_EMULATOR_URL, readSettings } from './env';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a settings error');
}

describe('environment settings', () => {
  it('fills in the documented defaults when nothing is set', () => {
    expect(readSettings({})).toMatchObject({ EMULATOR_URL: DEFAULT_EMULATOR_URL, LOGIN_MAX_FAILURES: 10, BCRYPT_COST: 10, RECONCILE_INTERVAL_MS: 3000 });
  });

  it('treats an empty variable as unset', () => {
    const settings = readSettings({ DATABASE_URL: '', RECONCILE_INTERVAL_MS: ' ' });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.RECONCILE_INTERVAL_MS).toBe(3000);
  });

  it('refuses a reconcile interval that would make the reconciler spin, or is not a number', () => {
    expect(messageOf(() => readSettings({ RECONCILE_INTERVAL_MS: '1' }))).toContain('RECONCILE_INTERVAL_MS must be between 100 and 3600000.');
    expect(messageOf(() => readSettings({ RECONCILE_INTERVAL_MS: '3s' }))).toContain('RECONCILE_INTERVAL_MS must be a whole number, such as 3000.');
    expect(readSettings({ RECONCILE_INTERVAL_MS: '150' }).RECONCILE_INTERVAL_MS).toBe(150);
  });

  it('names every malformed setting in one message', () => {
    const message = messageOf(() => readSettings({ BCRYPT_COST: '99', LOGIN_MAX_FAILURES: 'ten', EMULATOR_URL: 'localhost:3030' }));
    expect(message).toContain('- BCRYPT_COST must be between 4 and 31.');
    expect(message).toContain('- LOGIN_MAX_FAILURES must be a whole number, such as 10.');
    expect(message).toContain('- EMULATOR_URL must be an http(s) URL');
  });
});
