import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db/client';
import { callers, callEvents, callSessions } from '@/lib/db/schema';
import { truncateAll } from '@/tests/support/test-database';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { answerIncomingCall } from './door';
import { handleCallStatus } from './callbacks';

let fx: CallFixture;
const db = async () => (await getDbHandle()).db;

beforeEach(async () => {
  await truncateAll(await getDbHandle());
});

async function eventsOf(callSid: string) {
  return (await db()).select().from(callEvents).where(eq(callEvents.callSid, callSid)).orderBy(callEvents.id);
}

describe('the door', () => {
  it('queues a caller in its own hold room with the greeting, and counts the call in its history', async () => {
    fx = await createCallFixture(await db());
    const callSid = newCallSid();
    const result = await answerIncomingCall({ callSid, from: '+14155550101', to: fx.show.phoneNumber });
    expect(result.decision).toBe('queued');
    const session = result.session;
    expect(session).toMatchObject({
      state: 'queued',
      episodeId: fx.episode?.id,
      room: `hold-${session?.id}`,
      arrivalSeq: 1,
    });
    expect(result.twiml).toContain('<Say>Thanks for calling the test show.</Say>');
    expect(result.twiml).toContain(`>hold-${session?.id}</Conference>`);
    expect(result.twiml).toContain('startConferenceOnEnter="false"');
    expect(result.twiml).not.toContain('+14155550101');
    const [caller] = await (await db()).select().from(callers).where(eq(callers.phoneNumber, '+14155550101'));
    expect(caller).toMatchObject({ callCount: 1 });
    expect(caller?.lastCallAt).toBeInstanceOf(Date);
    expect((await eventsOf(callSid)).map((e) => [e.name, e.toState])).toEqual([['arrived', 'queued']]);
  });

  it('answers a repeated voice webhook with the same placement, without a second session', async () => {
    fx = await createCallFixture(await db());
    const callSid = newCallSid();
    const first = await answerIncomingCall({ callSid, from: '+14155550102', to: fx.show.phoneNumber });
    const second = await answerIncomingCall({ callSid, from: '+14155550102', to: fx.show.phoneNumber });
    expect(second.decision).toBe('repeat');
    expect(second.session?.id).toBe(first.session?.id);
    expect(second.twiml).toContain(`>hold-${first.session?.id}</Conference>`);
    expect(await (await db()).select().from(callSessions)).toHaveLength(1);
  });

  it('plays the off-air message when the lines are closed, and records the call', async () => {
    fx = await createCallFixture(await db(), { open: false });
    const callSid = newCallSid();
    const result = await answerIncomingCall({ callSid, from: '+14155550103', to: fx.show.phoneNumber });
    expect(result.decision).toBe('off_air');
    expect(result.twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>The test show is off the air.</Say><Hangup/></Response>',
    );
    expect(result.session).toMatchObject({ state: 'off_air', episodeId: null, room: null });
    expect(result.session?.endedAt).toBeInstanceOf(Date);
  });

  it('refuses a blocked number politely and records it', async () => {
    fx = await createCallFixture(await db());
    await (await db()).insert(callers).values({ phoneNumber: '+14155550104', blocked: true, blockedReason: 'abusive' });
    const result = await answerIncomingCall({ callSid: newCallSid(), from: '+14155550104', to: fx.show.phoneNumber });
    expect(result.decision).toBe('blocked');
    expect(result.twiml).toContain('<Say>Sorry, we are not able to take your call. Goodbye.</Say><Hangup/>');
    expect(result.session).toMatchObject({ state: 'blocked', episodeId: fx.episode?.id });
  });

  it('turns callers away with a busy message once the queue is at its limit, even when they ring together', async () => {
    fx = await createCallFixture(await db(), { maxQueue: 2 });
    const results = await Promise.all(
      ['+14155550111', '+14155550112', '+14155550113', '+14155550114'].map((from) =>
        answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber }),
      ),
    );
    expect(results.map((r) => r.decision).sort()).toEqual(['queue_full', 'queue_full', 'queued', 'queued']);
    const full = results.find((r) => r.decision === 'queue_full');
    expect(full?.twiml).toContain('All of our lines are busy right now.');
    expect(full?.session?.state).toBe('queue_full');
    const arrivals = results
      .filter((r) => r.decision === 'queued')
      .map((r) => r.session?.arrivalSeq)
      .sort();
    expect(arrivals).toEqual([1, 2]);
  });

  it('says the number is not in service for a number no show has', async () => {
    const result = await answerIncomingCall({ callSid: newCallSid(), from: '+14155550105', to: '+15005550999' });
    expect(result).toMatchObject({ decision: 'unknown_number', session: null });
    expect(result.twiml).toContain('This number is not in service.');
  });

  it('does not lose a status callback that arrives before the voice webhook: the caller had already hung up', async () => {
    fx = await createCallFixture(await db());
    const callSid = newCallSid();
    expect(await handleCallStatus({ callSid, callStatus: 'completed', sequenceNumber: 2 })).toBe('orphan');
    const result = await answerIncomingCall({ callSid, from: '+14155550106', to: fx.show.phoneNumber });
    expect(result.session).toMatchObject({ state: 'abandoned', endReason: 'caller_hung_up' });
    expect(result.twiml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
    const events = await eventsOf(callSid);
    expect(events.every((e) => e.sessionId === result.session?.id)).toBe(true);
    expect(events.map((e) => e.name)).toEqual(['status:completed', 'arrived', 'early_status:completed']);
  });
});
