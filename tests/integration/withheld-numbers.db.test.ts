import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db/client';
import { shows } from '@/lib/db/schema';
import { MESSAGES } from '@/lib/telephony/twiml';
import { eventually } from '@/tests/support/eventually';
import { SHOW_NUMBER, setUpCallFlowSuite } from '@/tests/support/call-flow-suite';

const t = setUpCallFlowSuite();

afterEach(() => {
  expect(t.h.served.filter((s) => s.status >= 400)).toEqual([]);
  t.h.served.length = 0;
});

const setPolicy = async (withheldPolicy: 'accept' | 'refuse' | 'back') =>
  (await getDbHandle()).db.update(shows).set({ withheldPolicy }).where(eq(shows.id, t.fx.show.id));

// The forms the emulator passes on as Twilio does, through the real voice webhook (an empty From included).
const FORMS = ['Anonymous', 'Restricted', 'Unavailable', '+266696687', ''];

describe('withheld numbers through the phone network (emulator)', () => {
  it.each(FORMS)('a show that refuses them tells %j why, then hangs up', async (from) => {
    await setPolicy('refuse');
    const callSid = await t.h.ring(from, SHOW_NUMBER);
    await eventually(() => {
      const hears = t.h.call(callSid).hears;
      return hears?.kind === 'say' && hears.text === MESSAGES.withheldRefused;
    }, 'the refusal spoken');
    expect((await t.session(callSid)).state).toBe('blocked');
    await eventually(() => t.h.call(callSid).status === 'completed', 'the call ended after the message');
    expect(t.inAnyRoom(callSid)).toBe(false);
  });

  it.each(FORMS)('a show that sends them back queues %j behind a caller who rang later', async (from) => {
    await setPolicy('back');
    const withheld = await t.h.ring(from, SHOW_NUMBER);
    await t.settled(withheld, 'the withheld caller in its hold room');
    const shown = await t.h.ring('+14155550601', SHOW_NUMBER);
    await t.settled(shown, 'the caller who shows their number in its hold room');
    expect((await t.session(withheld)).queueLane).toBe('back');
    expect((await t.session(shown)).queueLane).toBe('normal');
    // What each is told: the later caller is caller 1, the withheld one moves down to caller 2.
    await eventually(
      async () => (await t.session(shown)).cue === 'position:1' && (await t.session(withheld)).cue === 'position:2',
      'the places spoken',
    );
  });
});
