import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getBoard } from '@/lib/calls/board';
import { updateCallCard } from '@/lib/calls/card';
import { answerIncomingCall } from '@/lib/calls/door';
import { getDbHandle } from '@/lib/db/client';
import { callers } from '@/lib/db/schema';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { expectAppError } from '@/tests/support/expect-app-error';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { addRegular, regularInputSchema, regularsList, removeRegular } from './regulars';

let fx: CallFixture;

beforeAll(() => pointAtUnreachableTwilio());
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture((await getDbHandle()).db);
});

const ring = async (from: string) =>
  (await answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber })).session;
const queueOrder = async () =>
  (await getBoard(fx.episode?.id ?? '')).board.groups.queued.map((c) => [c.fromNumber, c.lane]);
const input = (value: unknown) => regularInputSchema.parse(value);

describe('regulars', () => {
  it('puts a regular ahead of callers who rang before them, with their note on the card', async () => {
    await addRegular(fx.producer, input({ phoneNumber: '+14155550301', note: 'Talks about trains' }));
    await ring('+14155550302');
    await ring('+14155550303');
    const regular = await ring('+14155550301');
    expect(regular).toMatchObject({ queueLane: 'front', cardComment: 'Talks about trains' });
    expect(await queueOrder()).toEqual([
      ['+14155550301', 'front'],
      ['+14155550302', 'normal'],
      ['+14155550303', 'normal'],
    ]);
  });

  it("pre-fills a regular's card with the name and place a screener saved on an earlier call", async () => {
    const first = await ring('+14155550304');
    await updateCallCard(fx.screener, first?.id ?? '', { name: 'Morgan', location: 'Hull' });
    await addRegular(fx.producer, input({ phoneNumber: '+14155550304' }));
    const again = await ring('+14155550304');
    expect(again).toMatchObject({ queueLane: 'front', cardName: 'Morgan', cardLocation: 'Hull', cardComment: null });
  });

  it('lets an expired regular queue like anyone, and a removed one too', async () => {
    const soon = new Date(Date.now() + 60_000).toISOString();
    const marked = await addRegular(fx.producer, input({ phoneNumber: '+14155550305', until: soon }));
    expect((await ring('+14155550305'))?.queueLane).toBe('front');
    await (
      await getDbHandle()
    ).db
      .update(callers)
      .set({ regularUntil: new Date(Date.now() - 1000) })
      .where(eq(callers.id, marked.id));
    expect((await ring('+14155550305'))?.queueLane).toBe('normal');
    await addRegular(fx.producer, input({ phoneNumber: '+14155550305' }));
    expect((await ring('+14155550305'))?.queueLane).toBe('front');
    await removeRegular(fx.producer, marked.id);
    expect(await regularsList(fx.producer)).toEqual([]);
    expect((await ring('+14155550305'))?.queueLane).toBe('normal');
  });

  it('lists regulars with their note, expiry and who marked them', async () => {
    const until = new Date(Date.now() + 86_400_000);
    await addRegular(fx.producer, input({ phoneNumber: '+14155550306', note: 'Farmer', until: until.toISOString() }));
    expect(await regularsList(fx.producer)).toMatchObject([
      { phoneNumber: '+14155550306', note: 'Farmer', until, markedByName: fx.producer.name },
    ]);
  });

  it('refuses withheld forms, past expiries and malformed input, and people other than producers', async () => {
    for (const phoneNumber of ['+266696687', '+8656696', 'Anonymous', '4155550307'])
      expect(regularInputSchema.safeParse({ phoneNumber }).success).toBe(false);
    const past = new Date(Date.now() - 60_000).toISOString();
    expect(regularInputSchema.safeParse({ phoneNumber: '+14155550307', until: past }).success).toBe(false);
    expect(regularInputSchema.safeParse({ phoneNumber: '+14155550307', until: 'tomorrow' }).success).toBe(false);
    expect(regularInputSchema.safeParse({ phoneNumber: '+14155550307', note: 'x'.repeat(301) }).success).toBe(false);
    expect(regularInputSchema.safeParse({ phoneNumber: '+14155550307', extra: 1 }).success).toBe(false);
    for (const actor of [fx.host, fx.screener]) {
      expect((await expectAppError(addRegular(actor, input({ phoneNumber: '+14155550307' })))).code).toBe(
        'forbidden:caller',
      );
      expect((await expectAppError(regularsList(actor))).code).toBe('forbidden:caller');
    }
    expect(await regularsList(fx.producer)).toEqual([]);
  });
});
