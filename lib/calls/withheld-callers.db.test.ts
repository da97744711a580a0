import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db/client';
import { callers, episodes, shows } from '@/lib/db/schema';
import { WITHHELD_REFUSED_REASON } from '@/lib/telephony/call-session-machine';
import { farewellTwiml, MESSAGES } from '@/lib/telephony/twiml';
import { blockCaller, blockInputSchema } from '@/lib/producer/block-list';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { expectAppError } from '@/tests/support/expect-app-error';
import { truncateAll } from '@/tests/support/test-database';
import { updateCallCard } from './card';
import { getBoard } from './board';
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

/** Every form of `From` the phone network uses for a caller who withholds their number (withheld-number.ts). */
const WITHHELD_FORMS = [
  'Anonymous',
  'anonymous',
  'Restricted',
  'Unavailable',
  '',
  '+266696687',
  '+2562533',
  '+8656696',
  '+7378742833',
  '+86282452253',
  '+7748283',
  '+94844353',
];

describe("the show's setting for withheld numbers", () => {
  const setPolicy = async (withheldPolicy: 'accept' | 'refuse' | 'back') =>
    (await db()).update(shows).set({ withheldPolicy }).where(eq(shows.id, fx.show.id));
  const episodeId = () => fx.episode?.id ?? '';

  it.each(WITHHELD_FORMS)('accepts %j like anyone when the show accepts withheld numbers', async (from) => {
    await setPolicy('accept');
    const before = await ring('+14155550201');
    const withheld = await ring(from);
    const after = await ring('+14155550202');
    expect(withheld.decision).toBe('queued');
    expect(withheld.session).toMatchObject({ queueLane: 'normal', callerId: null });
    const { board } = await getBoard(episodeId());
    expect(board.groups.queued.map((c) => c.id)).toEqual([before, withheld, after].map((r) => r.session?.id));
  });

  it.each(WITHHELD_FORMS)('refuses %j with a spoken message when the show refuses withheld numbers', async (from) => {
    await setPolicy('refuse');
    const refused = await ring(from);
    expect(refused.decision).toBe('blocked');
    expect(refused.session).toMatchObject({ state: 'blocked', endReason: WITHHELD_REFUSED_REASON, callerId: null });
    expect(refused.twiml).toBe(farewellTwiml(MESSAGES.withheldRefused));
    expect(refused.twiml).toContain('<Hangup/>');
    // Refused at the door: not counted as an arrival (a contest's Nth caller stays fair), never on the board.
    const [episode] = await (await db()).select().from(episodes).where(eq(episodes.id, episodeId()));
    expect(episode?.arrivals).toBe(0);
    expect((await getBoard(episodeId())).board.groups.queued).toEqual([]);
    // Someone who shows their number still gets in, and a blocked number still hears the block message.
    expect((await ring('+14155550203')).decision).toBe('queued');
  });

  it.each(WITHHELD_FORMS)(
    'queues %j behind every caller who shows their number when the show sends withheld numbers to the back',
    async (from) => {
      await setPolicy('back');
      const early = await ring('+14155550204');
      const withheld = await ring(from);
      const later = await ring('+14155550205');
      expect(withheld.decision).toBe('queued');
      expect(withheld.session).toMatchObject({ queueLane: 'back', callerId: null });
      const { board } = await getBoard(episodeId());
      expect(board.groups.queued.map((c) => c.id)).toEqual([early, later, withheld].map((r) => r.session?.id));
      expect(board.groups.queued.map((c) => c.lane)).toEqual(['normal', 'normal', 'back']);
    },
  );

  it('keeps a blocked number on the block message whatever the withheld setting', async () => {
    await setPolicy('refuse');
    await blockCaller(fx.producer, { phoneNumber: '+14155550206', reason: 'Abusive' });
    const blocked = await ring('+14155550206');
    expect(blocked.session?.endReason).toBe('blocked');
    expect(blocked.twiml).toBe(farewellTwiml(MESSAGES.blocked));
  });
});
