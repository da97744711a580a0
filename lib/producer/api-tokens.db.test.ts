import { beforeEach, describe, expect, it } from 'vitest';
import { hashApiToken } from '@/lib/auth/api-token';
import { findActiveTokenUser } from '@/lib/db/api-tokens';
import { getDbHandle } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { createActor } from '@/tests/support/factories';
import { truncateAll } from '@/tests/support/test-database';
import { issueToken, listTokens, revokeToken } from './api-tokens';

beforeEach(async () => {
  await truncateAll(await getDbHandle());
});

describe('API tokens', () => {
  it('issues a token once, which then acts as the producer until revoked', async () => {
    const producer = await createActor('producer');
    const { token, view } = await issueToken(producer, { name: 'studio buttons' });
    expect(token).toMatch(/^sbt_/);
    expect((await findActiveTokenUser(hashApiToken(token)))?.id).toBe(producer.id);
    const listed = await listTokens(producer);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed[0]?.lastUsedAt).not.toBeNull();
    await revokeToken(producer, view.id);
    expect(await findActiveTokenUser(hashApiToken(token))).toBeUndefined();
    await expect(revokeToken(producer, view.id)).rejects.toMatchObject({ status: 404 });
  });

  it('is for producers only', async () => {
    const host = await createActor('host');
    await expect(issueToken(host, { name: 'x' })).rejects.toBeInstanceOf(AppError);
  });
});
