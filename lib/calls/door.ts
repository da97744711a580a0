import 'server-only';
import { adoptOrphanEvents, insertCallEvent } from '@/lib/db/call-events';
import { findOrCreateCaller, recordCallerCall } from '@/lib/db/callers';
import { countWaiting, findSessionByCallSid, insertSession, lockCallSid } from '@/lib/db/call-sessions';
import { getDb, type Queryable } from '@/lib/db/client';
import { bumpArrivals, findOpenEpisode, findShowByPhoneNumber } from '@/lib/db/episodes';
import type { CallSession, CallState, Show } from '@/lib/db/schema';
import { isTerminal } from '@/lib/telephony/call-session-machine';
import { holdRoom } from '@/lib/telephony/rooms';
import { farewellTwiml, MESSAGES } from '@/lib/telephony/twiml';
import { applyTransition } from './apply-transition';
import { endInputForStatus } from './call-status';
import { placementTwiml } from './placement';

export interface IncomingCall {
  callSid: string;
  from: string;
  to: string;
}

export type DoorDecision = Extract<CallState, 'queued' | 'off_air' | 'blocked' | 'queue_full'>;

export interface DoorResult {
  decision: DoorDecision | 'unknown_number' | 'repeat';
  session: CallSession | null;
  twiml: string;
}

async function refuse(tx: Queryable, call: IncomingCall, show: Show, state: Exclude<DoorDecision, 'queued'>, episodeId: string | null, callerId: string | null) {
  const now = new Date();
  const session = await insertSession(
    { showId: show.id, episodeId, callerId, callSid: call.callSid, fromNumber: call.from, state, endedAt: now, endReason: state },
    tx,
  );
  await insertCallEvent({ sessionId: session.id, callSid: call.callSid, source: 'twilio', name: 'arrived', toState: state, detail: { decision: state } }, tx);
  await adoptOrphanEvents(call.callSid, session.id, tx);
  const message = state === 'off_air' ? show.offAirMessage : state === 'blocked' ? MESSAGES.blocked : MESSAGES.queueFull;
  return { decision: state, session, twiml: farewellTwiml(message) };
}

/** Status callbacks that beat the voice webhook here: if one says the call already ended, the session ends now. */
async function applyEarlyCallbacks(tx: Queryable, session: CallSession): Promise<CallSession> {
  const orphans = await adoptOrphanEvents(session.callSid, session.id, tx);
  let current = session;
  for (const event of orphans) {
    const status = typeof event.detail.status === 'string' ? event.detail.status : null;
    const input = status ? endInputForStatus(status) : null;
    if (input && !isTerminal(current.state)) {
      current = (await applyTransition(tx, current, input, { source: 'twilio', name: `early_status:${status}`, endReason: input === 'failed' ? 'call_failed' : 'caller_hung_up' })).session;
    }
  }
  return current;
}

/**
 * The voice webhook: a call rings the show number. Decides off air / blocked / queue full / queued and answers
 * with the TwiML for that decision. Idempotent per CallSid (Twilio may retry the request).
 */
export async function answerIncomingCall(call: IncomingCall): Promise<DoorResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockCallSid(tx, call.callSid);
    const existing = await findSessionByCallSid(call.callSid, tx, true);
    if (existing) return { decision: 'repeat', session: existing, twiml: await placementTwiml(existing, tx) };
    const show = await findShowByPhoneNumber(call.to, tx);
    if (!show) {
      await insertCallEvent({ callSid: call.callSid, source: 'twilio', name: 'unknown_number', detail: { to: call.to } }, tx);
      return { decision: 'unknown_number', session: null, twiml: farewellTwiml(MESSAGES.unknownNumber) };
    }
    const episode = await findOpenEpisode(show.id, tx, true);
    if (!episode) return refuse(tx, call, show, 'off_air', null, null);
    const caller = await findOrCreateCaller(call.from, tx);
    if (caller.blocked) return refuse(tx, call, show, 'blocked', episode.id, caller.id);
    if ((await countWaiting(episode.id, tx)) >= show.maxQueue) return refuse(tx, call, show, 'queue_full', episode.id, caller.id);
    const now = new Date();
    const arrivalSeq = await bumpArrivals(episode.id, tx);
    await recordCallerCall(caller.id, now, tx);
    const sessionId = crypto.randomUUID();
    const inserted = await insertSession(
      {
        id: sessionId,
        showId: show.id,
        episodeId: episode.id,
        callerId: caller.id,
        callSid: call.callSid,
        fromNumber: call.from,
        state: 'queued',
        room: holdRoom(sessionId),
        queuedAt: now,
        arrivalSeq,
        cardName: caller.name,
        cardLocation: caller.location,
      },
      tx,
    );
    await insertCallEvent(
      { sessionId, callSid: call.callSid, source: 'twilio', name: 'arrived', toState: 'queued', detail: { decision: 'queued', arrival: arrivalSeq, room: inserted.room } },
      tx,
    );
    const session = await applyEarlyCallbacks(tx, inserted);
    return { decision: 'queued', session, twiml: await placementTwiml(session, tx, { greeting: show.greeting, show }) };
  });
}
