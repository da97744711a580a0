import { describe, expect, it } from 'vitest';
import { DEFAULT_EMULATOR_URL, readSettings } from './env';

describe('environment settings', () => {
  it('fills in the documented defaults when nothing is set', () => {
    expect(readSettings({})).toMatchObject({
      EMULATOR_URL: DEFAULT_EMULATOR_URL,
      LOGIN_MAX_FAILURES: 10,
      BCRYPT_COST: 10,
      RECONCILE_INTERVAL_MS: 3000,
    });
  });

  it('treats an empty variable as unset', () => {
    const settings = readSettings({ DATABASE_URL: '', RECONCILE_INTERVAL_MS: ' ' });
    expect(settings.DATABASE_URL).toBeUndefined();
    expect(settings.RECONCILE_INTERVAL_MS).toBe(3000);
  });

  it('refuses a reconcile interval that would make the reconciler spin, or is not a number', () => {
    expect(() => readSettings({ RECONCILE_INTERVAL_MS: '1' })).toThrow(
      'RECONCILE_INTERVAL_MS must be between 100 and 3600000.',
    );
    expect(() => readSettings({ RECONCILE_INTERVAL_MS: '3s' })).toThrow(
      'RECONCILE_INTERVAL_MS must be a whole number, such as 3000.',
    );
    expect(readSettings({ RECONCILE_INTERVAL_MS: '150' }).RECONCILE_INTERVAL_MS).toBe(150);
  });

  it('names every malformed setting in one message', () => {
    const read = () => readSettings({ BCRYPT_COST: '99', LOGIN_MAX_FAILURES: 'ten', EMULATOR_URL: 'localhost:3030' });
    expect(read).toThrow('- BCRYPT_COST must be between 4 and 31.');
    expect(read).toThrow('- LOGIN_MAX_FAILURES must be a whole number, such as 10.');
    expect(read).toThrow('- EMULATOR_URL must be an http(s) URL');
  });
});
