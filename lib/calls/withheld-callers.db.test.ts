import { beforeEach, describe, expect, it } from 'vitest';
import { getDbHandle } from '@/lib/db/client';
import { callers } from '@/lib/db/schema';
import { blockCaller, blockInputSchema } from '@/lib/producer/block-list';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { expectAppError } from '@/tests/support/expect-app-error';
import { truncateAll } from '@/tests/support/test-database';
import { updateCallCard } from './card';
import { answerIncomingCall } from './door';

let fx: CallFixture;
const db = async () => (await getDbHandle()).db;
const ring = (from: string) => answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });

beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture(await db());
});

describe('withheld numbers at the door', () => {
  it('gives every withheld caller a session of their own and no caller record', async () => {
    const froms = [
      'Anonymous',
      'Restricted',
      'Unavailable',
      '+266696687',
      '+2562533',
      '+8656696',
      '',
      'anonymous',
      'client:',
    ];
    const results = [];
    for (const from of froms) results.push(await ring(from));
    expect(results.map((r) => r.decision)).toEqual(froms.map(() => 'queued'));
    expect(new Set(results.map((r) => r.session?.id)).size).toBe(froms.length);
    expect(results.map((r) => r.session?.callerId)).toEqual(froms.map(() => null));
    expect(await (await db()).select().from(callers)).toEqual([]);
  });

  it('does not prefill the next withheld caller with the name typed for the previous one', async () => {
    const first = await ring('Anonymous');
    await updateCallCard(fx.screener, first.session?.id ?? '', { name: 'Dana', location: 'Leeds' });
    const second = await ring('Anonymous');
    expect(second.session).toMatchObject({ cardName: null, cardLocation: null, callerId: null });
  });

  it('still remembers a caller who shows their number', async () => {
    const first = await ring('+14155550142');
    await updateCallCard(fx.screener, first.session?.id ?? '', { name: 'Robin', location: 'Bristol' });
    const second = await ring('+14155550142');
    expect(second.session).toMatchObject({
      cardName: 'Robin',
      cardLocation: 'Bristol',
      callerId: first.session?.callerId,
    });
    expect(second.session?.callerId).not.toBeNull();
  });

  it('refuses to block a withheld number, from a call or typed in, so other withheld callers still get through', async () => {
    const first = await ring('+266696687');
    const error = await expectAppError(blockCaller(fx.producer, { callId: first.session?.id ?? '', reason: 'Prank' }));
    expect(error.code).toBe('bad_request:caller');
    expect(blockInputSchema.safeParse({ phoneNumber: '+266696687', reason: 'Prank' }).success).toBe(false);
    expect(blockInputSchema.safeParse({ phoneNumber: '+14155550143', reason: 'Prank' }).success).toBe(true);
    expect((await ring('+266696687')).decision).toBe('queued');
    expect((await ring('Anonymous')).decision).toBe('queued');
  });
});
