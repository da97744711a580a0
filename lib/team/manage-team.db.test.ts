import { beforeEach, describe, expect, it } from 'vitest';
import { authenticate } from '@/lib/auth/authenticate';
import { getDbHandle } from '@/lib/db/client';
import { findUserByEmail, listUsers } from '@/lib/db/users';
import { expectAppError } from '@/tests/support/expect-app-error';
import { createActor } from '@/tests/support/factories';
import { truncateAll } from '@/tests/support/test-database';
import { createTeamMember, resetTeamMemberPassword, setTeamMemberDisabled, setTeamMemberRole } from './manage-team';

beforeEach(async () => truncateAll(await getDbHandle()));

describe('team management', () => {
  it('a producer adds a member who can then sign in', async () => {
    const producer = await createActor('producer');
    const member = await createTeamMember(producer, {
      email: 'New@Switchboard.test',
      name: 'New Screener',
      role: 'screener',
      password: 'a-long-password',
    });
    expect(member).toMatchObject({ email: 'new@switchboard.test', role: 'screener', disabled: false });
    expect(member).not.toHaveProperty('passwordHash');
    expect(await authenticate({ email: 'new@switchboard.test', password: 'a-long-password', ip: null })).toMatchObject({
      ok: true,
    });
  });

  it('refuses hosts and screeners, and changes nothing', async () => {
    for (const role of ['host', 'screener'] as const) {
      const actor = await createActor(role);
      const error = await expectAppError(
        createTeamMember(actor, {
          email: `x-${role}@switchboard.test`,
          name: 'X',
          role: 'producer',
          password: 'a-long-password',
        }),
      );
      expect(error.code).toBe('forbidden:team');
      expect(error.status).toBe(403);
    }
    expect(await findUserByEmail('x-host@switchboard.test')).toBeUndefined();
  });

  it('names each invalid field', async () => {
    const producer = await createActor('producer');
    const error = await expectAppError(
      createTeamMember(producer, { email: 'not-an-email', name: '', role: 'boss', password: 'short' }),
    );
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['email', 'name', 'password', 'role']);
  });

  it('refuses a second member with the same email, whatever its case', async () => {
    const producer = await createActor('producer');
    await createTeamMember(producer, {
      email: 'same@switchboard.test',
      name: 'One',
      role: 'host',
      password: 'a-long-password',
    });
    const error = await expectAppError(
      createTeamMember(producer, {
        email: 'SAME@switchboard.test',
        name: 'Two',
        role: 'host',
        password: 'a-long-password',
      }),
    );
    expect(error).toMatchObject({ status: 409, fields: { email: ['Someone on the team already uses that email.'] } });
    expect((await listUsers()).filter((user) => user.email === 'same@switchboard.test')).toHaveLength(1);
  });

  it('changes roles and resets passwords', async () => {
    const producer = await createActor('producer');
    const host = await createActor('host', { password: 'old-password-1' });
    expect(await setTeamMemberRole(producer, { userId: host.id, role: 'screener' })).toMatchObject({
      role: 'screener',
    });
    await resetTeamMemberPassword(producer, { userId: host.id, password: 'new-password-1' });
    expect(await authenticate({ email: host.email, password: 'old-password-1', ip: null })).toMatchObject({
      ok: false,
    });
    expect(await authenticate({ email: host.email, password: 'new-password-1', ip: null })).toMatchObject({ ok: true });
  });

  it('keeps at least one active producer and never lets producers disable themselves', async () => {
    const producer = await createActor('producer');
    expect(
      (await expectAppError(setTeamMemberDisabled(producer, { userId: producer.id, disabled: true }))).status,
    ).toBe(400);
    expect((await expectAppError(setTeamMemberRole(producer, { userId: producer.id, role: 'host' }))).code).toBe(
      'conflict:team',
    );
    const second = await createActor('producer');
    expect(await setTeamMemberRole(producer, { userId: second.id, role: 'host' })).toMatchObject({ role: 'host' });
  });

  it('answers 404 for a member who does not exist', async () => {
    const producer = await createActor('producer');
    const error = await expectAppError(
      setTeamMemberRole(producer, { userId: '00000000-0000-4000-8000-000000000000', role: 'host' }),
    );
    expect(error.code).toBe('not_found:user');
  });
});
