import 'server-only';
import { insertCallEvent } from '@/lib/db/call-events';
import { findSessionByCallSid, lockCallSid } from '@/lib/db/call-sessions';
import { getDb } from '@/lib/db/client';
import { findShowById } from '@/lib/db/shows';
import { logProblem } from '@/lib/log';
import { listCallbackOffersDue, patchSession } from '@/lib/db/call-sessions';
import { publicUrl } from '@/lib/telephony/config';
import { announceToParticipant } from '@/lib/telephony/twilio-actions';
import { farewellTwiml } from '@/lib/telephony/twiml';
import { isWithheldNumber } from '@/lib/telephony/withheld-number';
import { applyTransition } from './apply-transition';
import { canCallBack, placementTwiml } from './placement';

/** The key of the callback menu that asks for a callback; any other key (or none) keeps the caller holding. */
export const CALLBACK_KEY = '1';

/**
 * The callback menu's answer. With the callback key, a waiting caller's session keeps its place in a callback
 * state and the call ends politely; otherwise (or when a screener picked them up meanwhile) the caller goes
 * where the session says.
 */
export async function answerCallbackChoice(choice: { callSid: string; digits: string }): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockCallSid(tx, choice.callSid);
    let session = await findSessionByCallSid(choice.callSid, tx, true);
    if (!session) return farewellTwiml(null);
    const show = await findShowById(session.showId, tx);
    if (!show) return farewellTwiml(null);
    const wanted = choice.digits === CALLBACK_KEY && canCallBack(show, session);
    if (wanted && session.state === 'queued') {
      session = (
        await applyTransition(tx, session, 'callback_requested', {
          source: 'twilio',
          detail: { digits: choice.digits },
          extra: { confirmedRoom: null, conferenceSid: null },
        })
      ).session;
    } else {
      await insertCallEvent(
        {
          sessionId: session.id,
          callSid: session.callSid,
          source: 'twilio',
          name: 'callback_declined',
          fromState: session.state,
          toState: session.state,
          detail: { digits: choice.digits },
        },
        tx,
      );
    }
    return placementTwiml(session, tx, { show });
  });
}

/**
 * Speaks the callback offer into the hold room of every caller who has waited their show's callback wait (once
 * per call). Answers the sessions that heard it.
 */
export async function offerCallbacks(): Promise<string[]> {
  const offered: string[] = [];
  for (const session of await listCallbackOffersDue()) {
    try {
      // A withheld number cannot be rung back: it is marked as offered so it is not looked at again.
      if (!isWithheldNumber(session.fromNumber) && session.conferenceSid) {
        await announceToParticipant(session.conferenceSid, session.callSid, publicUrl('/api/twilio/callback-offer'));
        offered.push(session.id);
      }
      await patchSession(session.id, { callbackOfferedAt: new Date() });
    } catch (error) {
      logProblem('warn', 'calls', `callback offer to ${session.id}:`, error instanceof Error ? error.message : error);
    }
  }
  return offered;
}
