import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerIncomingCall } from '@/lib/calls/door';
import { getDbHandle } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { blockCaller, blockInputSchema, blockList, removeBlock } from './block-list';

let fx: CallFixture;

beforeAll(() => pointAtUnreachableTwilio());
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture((await getDbHandle()).db);
});

const ring = (from: string) => answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });

describe('block list', () => {
  it('blocks a number from a call, and the door turns its next call away', async () => {
    const first = await ring('+14155550123');
    expect(first.decision).toBe('queued');
    const blocked = await blockCaller(fx.producer, { callId: first.session?.id ?? '', reason: 'Abusive' });
    expect(blocked).toMatchObject({ phoneNumber: '+14155550123', reason: 'Abusive' });
    expect((await ring('+14155550123')).decision).toBe('blocked');
    expect((await ring('+14155550999')).decision).toBe('queued');
    expect(await blockList(fx.producer)).toMatchObject([
      { phoneNumber: '+14155550123', reason: 'Abusive', blockedByName: fx.producer.name },
    ]);
  });

  it('blocks a typed number that never called, and unblocking lets it in again', async () => {
    const blocked = await blockCaller(fx.producer, { phoneNumber: '+14155550777', reason: 'Prank caller' });
    expect((await ring('+14155550777')).decision).toBe('blocked');
    await removeBlock(fx.producer, blocked.id);
    expect(await blockList(fx.producer)).toEqual([]);
    expect((await ring('+14155550777')).decision).toBe('queued');
  });

  it('is for producers only, and needs a reason', async () => {
    await expect(blockCaller(fx.host, { phoneNumber: '+14155550777', reason: 'x' })).rejects.toBeInstanceOf(AppError);
    expect(blockInputSchema.safeParse({ phoneNumber: '+14155550777', reason: ' ' }).success).toBe(false);
    expect(blockInputSchema.safeParse({ phoneNumber: '555-0100', reason: 'x' }).success).toBe(false);
  });
});
