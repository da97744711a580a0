import { beforeEach, describe, expect, it } from 'vitest';
import { getDbHandle } from '@/lib/db/client';
import { updateUser } from '@/lib/db/users';
import { createActor } from '@/tests/support/factories';
import { truncateAll } from '@/tests/support/test-database';
import { settings } from '@/lib/env';
import { authenticate } from './authenticate';

const LOGIN_MAX_FAILURES = settings().LOGIN_MAX_FAILURES;

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
    expect(await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.0.0.4' })).toEqual({ ok: false, reason: 'invalid' });
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
    expect(await authenticate({ email: victim.email, password: 'right-password-1', ip: '10.2.0.9' })).toMatchObject({ reason: 'throttled' });
    expect(await authenticate({ email: victim.email, password: 'right-password-1', ip: '10.2.0.10' })).toMatchObject({ ok: true });
  });

  it('a successful login clears the failures counted against the account', async () => {
    const actor = await createActor('host', { password: 'right-password-1' });
    for (let i = 0; i < LOGIN_MAX_FAILURES - 1; i++) await authenticate({ email: actor.email, password: 'wrong', ip: `10.3.0.${i}` });
    expect(await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.3.1.1' })).toMatchObject({ ok: true });
    await authenticate({ email: actor.email, password: 'wrong', ip: '10.3.1.2' });
    expect(await authenticate({ email: actor.email, password: 'right-password-1', ip: '10.3.1.3' })).toMatchObject({ ok: true });
  });
});
