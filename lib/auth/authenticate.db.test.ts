import { beforeEach, describe, expect, it } from 'vitest';
import { getDbHandle } from '@/lib/db/client';
import { updateUser } from '@/lib/db/users';
import { createActor } from '@/tests/support/factories';
import { truncateAll } from '@/tests/support/test-database';
import { settings } from '@/lib/env';
import { authenticate } from './authenticate';

const { LOGIN_MAX_FAILURES, LOGIN_MAX_ACCOUNTS_PER_ADDRESS } = settings();

beforeEach(async () => truncateAll(await getDbHandle()));

describe('authenticate', () => {
  it('accepts the right password, whatever the case of the email', async () => {
    const actor = await createActor('host', { email: 'Hana@Switchboard.test', password: 'right-password-1' });
    const result = await authenticate({ email: 'HANA@switchboard.TEST', password: 'right-password-1', ip: '10.0.0.1' });
    expect(result).toMatchObject({ ok: true, user: { id: actor.id, role: 'host' } });
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    await createActor('host', { email: 'known@switchboard.test', password: 'right-password-1' });
    const wrong = await authenticate({ email: 'known@switchboard.test', password: 'nope', ip: '10.0.0.2' });
    const unknown = await authenticate({ email: 'unknown@switchboard.test', password: 'nope', ip: '10.0.0.3' });
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('refuses a disabled account even with the right password', async () => {
    const actor = await createActor('screener', { password: 'right-password-1' });
    await updateUser(actor.id, { disabled: true });
    expect(await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.0.0.4' })).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('throttles an account after repeated failures, even from many addresses, and even with the right password', async () => {
    const actor = await createActor('host', { password: 'right-password-1' });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await authenticate({ email: actor.email, password: 'wrong', ip: `10.1.0.${i}` });
    }
    const result = await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.1.1.1' });
    expect(result).toMatchObject({ ok: false, reason: 'throttled' });
  });

  it('throttles an address that tries many accounts', async () => {
    const victim = await createActor('producer', { password: 'right-password-1' });
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) {
      await authenticate({ email: `guess-${i}@switchboard.test`, password: 'wrong', ip: '10.2.0.9' });
    }
    expect(await authenticate({ email: victim.email, password: 'right-password-1', ip: '10.2.0.9' })).toMatchObject({
      reason: 'throttled',
    });
    expect(await authenticate({ email: victim.email, password: 'right-password-1', ip: '10.2.0.10' })).toMatchObject({
      ok: true,
    });
  });

  it('a successful login clears the failures counted against the account', async () => {
    const actor = await createActor('host', { password: 'right-password-1' });
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++)
      await authenticate({ email: actor.email, password: 'wrong', ip: `10.3.0.${i}` });
    expect(await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.3.1.1' })).toMatchObject({
      ok: true,
    });
    await authenticate({ email: actor.email, password: 'wrong', ip: '10.3.1.2' });
    expect(await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.3.1.3' })).toMatchObject({
      ok: true,
    });
  });

  it('counts and decides simultaneous attempts one at a time: of 40 at once, exactly the limit reach the password check and the rest are throttled', async () => {
    const actor = await createActor('host', { password: 'right-password-1' });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        authenticate({ email: actor.email, password: `wrong-${i}`, ip: `10.4.0.${i}` }),
      ),
    );
    expect(results.filter((r) => r.ok === false && r.reason === 'invalid')).toHaveLength(LOGIN_MAX_FAILURES);
    expect(results.filter((r) => r.ok === false && r.reason === 'throttled')).toHaveLength(40 - LOGIN_MAX_FAILURES);
    expect(await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.4.1.1' })).toMatchObject({
      reason: 'throttled',
    });
  });

  it('39 wrong passwords and the right one sent at once check no more passwords than the limit allows', async () => {
    const actor = await createActor('host', { password: 'right-password-1' });
    const passwords = [...Array.from({ length: 39 }, (_, i) => `wrong-${i}`), 'right-password-1'];
    const results = await Promise.all(
      passwords.map((password, i) => authenticate({ email: actor.email, password, ip: `10.5.0.${i}` })),
    );
    const checked = results.filter((r) => r.ok || r.reason === 'invalid');
    expect(checked.length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled').length).toBeGreaterThanOrEqual(
      40 - LOGIN_MAX_FAILURES,
    );
  });

  it('honours the setting exactly: that many wrong passwords are answered as wrong, and the next attempt is the first refused', async () => {
    const actor = await createActor('host', { password: 'right-password-1' });
    for (let i = 1; i <= LOGIN_MAX_FAILURES; i++) {
      expect(await authenticate({ email: actor.email, password: 'wrong', ip: '10.6.0.1' }), `failure ${i}`).toEqual({
        ok: false,
        reason: 'invalid',
      });
    }
    expect(await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.6.0.2' })).toMatchObject({
      reason: 'throttled',
    });

    const victim = await createActor('producer', { password: 'right-password-1' });
    for (let i = 1; i <= LOGIN_MAX_ACCOUNTS_PER_ADDRESS; i++) {
      expect(
        await authenticate({ email: `sprayed-${i}@switchboard.test`, password: 'wrong', ip: '10.6.1.1' }),
        `account ${i} from the address`,
      ).toEqual({ ok: false, reason: 'invalid' });
    }
    expect(await authenticate({ email: victim.email, password: 'right-password-1', ip: '10.6.1.1' })).toMatchObject({
      reason: 'throttled',
    });
  });

  it('one person’s typos behind a shared router lock out only that account, never the others signing in from the same address', async () => {
    const clumsy = await createActor('screener', { password: 'right-password-1' });
    const colleague = await createActor('host', { password: 'right-password-2' });
    const studio = '192.0.2.77';
    for (let i = 0; i < LOGIN_MAX_FAILURES + 5; i++)
      await authenticate({ email: clumsy.email, password: `typo-${i}`, ip: studio });
    expect(await authenticate({ email: clumsy.email, password: 'right-password-1', ip: studio })).toMatchObject({
      reason: 'throttled',
    });
    expect(await authenticate({ email: colleague.email, password: 'right-password-2', ip: studio })).toMatchObject({
      ok: true,
    });
    for (let i = 0; i < 3; i++) {
      const newcomer = await createActor('screener', { password: 'right-password-3' });
      await authenticate({ email: newcomer.email, password: 'typo', ip: studio });
      expect(await authenticate({ email: newcomer.email, password: 'right-password-3', ip: studio })).toMatchObject({
        ok: true,
      });
    }
  });
});
