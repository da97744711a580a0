import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db/client';
import { callSessions, episodes } from '@/lib/db/schema';
import { eventually } from '@/tests/support/eventually';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { answerIncomingCallWithin } from './door';

let fx: CallFixture;
const db = async () => (await getDbHandle()).db;

beforeAll(() => pointAtUnreachableTwilio());
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture(await db());
});

describe('the door under overload', () => {
  it('answers a pause and a redirect back to the door when the decision misses its budget; the redirect hears the decided placement', async () => {
    const call = { callSid: newCallSid(), from: '+14155550181', to: fx.show.phoneNumber };
    // Another transaction holds the episode (on PGlite, the one connection) while the call rings: overload.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const blocker = (await db()).transaction(async (tx) => {
      await tx
        .select()
        .from(episodes)
        .where(eq(episodes.id, fx.episode?.id ?? ''))
        .for('update');
      locked();
      await held;
    });
    await isLocked;
    const first = await answerIncomingCallWithin(call, 200);
    release();
    await blocker;
    expect(first).toMatch(/<Pause length="1"\/><Redirect method="POST">[^<]*\/api\/twilio\/voice<\/Redirect>/);
    expect(first).not.toContain('Hangup');
    const session = await eventually(
      async () => (await (await db()).select().from(callSessions).where(eq(callSessions.callSid, call.callSid)))[0],
      'the decision committed',
    );
    expect(session.state).toBe('queued');
    const again = await answerIncomingCallWithin(call);
    expect(again).toContain(`>hold-${session.id}</Conference>`);
    expect(await (await db()).select().from(callSessions)).toHaveLength(1);
  });

  it('answers the decision itself when it is in within the budget', async () => {
    const twiml = await answerIncomingCallWithin(
      { callSid: newCallSid(), from: '+14155550182', to: fx.show.phoneNumber },
      10_000,
    );
    expect(twiml).toContain('<Say>Thanks for calling the test show.</Say>');
    expect(twiml).not.toContain('Redirect');
  });
});
