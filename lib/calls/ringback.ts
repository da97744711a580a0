import 'server-only';
import { logProblem } from '@/lib/log';
import { insertCallEvent } from '@/lib/db/call-events';
import {
  findSessionByCallSid,
  findSessionForUpdate,
  listCallbackSessions,
  lockCallSid,
  patchSession,
  replaceCallSid,
  updateSession,
} from '@/lib/db/call-sessions';
import { getDb, type Queryable } from '@/lib/db/client';
import { findShowById } from '@/lib/db/shows';
import type { CallEvent, CallSession } from '@/lib/db/schema';
import { isTerminal, type CallEventName } from '@/lib/telephony/call-session-machine';
import { publicUrl } from '@/lib/telephony/config';
import { createPacedQueue, TWILIO_OUTBOUND_CALLS_PER_SECOND, type PacedQueue } from '@/lib/telephony/outbound-queue';
import { toAppError } from '@/lib/telephony/retry';
import { createOutboundCall, hangUpCall, isCallGone } from '@/lib/telephony/twilio-actions';
import { farewellTwiml, MESSAGES } from '@/lib/telephony/twiml';
import { applyTransition } from './apply-transition';
import { placementTwiml } from './placement';

/** How long a ringback rings before the network gives up with no-answer. */
export const RINGBACK_TIMEOUT_SECONDS = 30;

/** Longer than any ring lasts: a session still calling back after this, with no live call, lost its ringback. */
const RINGBACK_LOST_AFTER_MS = (RINGBACK_TIMEOUT_SECONDS + 30) * 1000;

/** Which ringback of which session an outbound call is: its webhooks carry this in their query. */
export interface RingbackRef {
  sessionId: string;
  attempt: number;
}

type RingbackEnd = Extract<CallEventName, 'busy' | 'no_answer' | 'failed'>;

const OUTCOME_WORDS: Record<RingbackEnd, string> = {
  busy: 'The line was busy',
  no_answer: 'Nobody answered',
  failed: 'The call could not be placed',
};

// One queue per process: Next.js may load this module once per route bundle.
const shared = globalThis as unknown as { switchboardOutboundQueue?: PacedQueue };
function outboundQueue(): PacedQueue {
  shared.switchboardOutboundQueue ??= createPacedQueue(TWILIO_OUTBOUND_CALLS_PER_SECOND);
  return shared.switchboardOutboundQueue;
}

function ringbackQuery(ref: RingbackRef): Record<string, string> {
  return { session: ref.sessionId, attempt: String(ref.attempt) };
}

/**
 * Links an outbound call to the session it rings back, if it is that session's current ringback: the session's
 * CallSid becomes the new call's. Answers the session when the call is (or already was) its call.
 */
export async function adoptRingback(
  tx: Queryable,
  ref: RingbackRef,
  callSid: string,
): Promise<CallSession | undefined> {
  const session = await findSessionForUpdate(ref.sessionId, tx);
  if (!session) return undefined;
  if (session.callSid === callSid) return session;
  if (session.state !== 'calling_back' || session.ringbackAttempts !== ref.attempt) return undefined;
  const adopted = await replaceCallSid(session.id, callSid, tx);
  await insertCallEvent(
    {
      sessionId: session.id,
      callSid,
      source: 'system',
      name: 'ringback_placed',
      fromState: session.state,
      toState: session.state,
      detail: { attempt: ref.attempt, previousCallSid: session.callSid },
    },
    tx,
  );
  return adopted;
}

/**
 * A ringback ended unanswered. Retried once when the show says so (the screener sees why), otherwise the
 * session ends in the state that matches what the network said. `retry` asks the caller to queue the next ring.
 */
export async function endRingback(
  tx: Queryable,
  session: CallSession,
  input: RingbackEnd,
  meta: { source: CallEvent['source']; detail?: Record<string, unknown>; dedupeKey?: string },
): Promise<{ session: CallSession; retry: boolean }> {
  const name = `ringback_${input}`;
  const show = await findShowById(session.showId, tx);
  if (show?.callbackRetry && !session.ringbackRetried) {
    const updated = await updateSession(
      session.id,
      { ringbackRetried: true, attention: `${OUTCOME_WORDS[input]}: ringing once more.` },
      tx,
    );
    await insertCallEvent(
      {
        sessionId: session.id,
        callSid: session.callSid,
        source: meta.source,
        name,
        fromState: session.state,
        toState: session.state,
        detail: { ...meta.detail, retry: true },
        dedupeKey: meta.dedupeKey,
      },
      tx,
    );
    return { session: updated, retry: true };
  }
  const applied = await applyTransition(tx, session, input, {
    source: meta.source,
    name,
    endReason: name,
    detail: meta.detail,
    dedupeKey: meta.dedupeKey,
    extra: { confirmedRoom: null, conferenceSid: null, attention: `${OUTCOME_WORDS[input]}.` },
  });
  return { session: applied.session, retry: false };
}

/** Places the session's next ringback, if it is still wanted by the time its turn in the queue comes. */
async function placeRingback(sessionId: string): Promise<void> {
  const db = await getDb();
  const reserved = await db.transaction(async (tx) => {
    const session = await findSessionForUpdate(sessionId, tx);
    if (session?.state !== 'calling_back') return null;
    const show = await findShowById(session.showId, tx);
    const counted = await patchSession(session.id, { ringbackAttempts: session.ringbackAttempts + 1 }, tx);
    return show && counted ? { session: counted, show } : null;
  });
  if (!reserved) return;
  const ref = { sessionId, attempt: reserved.session.ringbackAttempts };
  let callSid: string;
  try {
    callSid = await createOutboundCall({
      to: reserved.session.fromNumber,
      from: reserved.show.phoneNumber,
      url: publicUrl('/api/twilio/ringback', ringbackQuery(ref)),
      statusCallback: publicUrl('/api/twilio/status', ringbackQuery(ref)),
      timeoutSeconds: RINGBACK_TIMEOUT_SECONDS,
    });
  } catch (error) {
    // Twilio would not place the call (a number it cannot ring): to the caller that is a failed call.
    const reason = toAppError('ring the caller back', error).message;
    const retry = await db.transaction(async (tx) => {
      const session = await findSessionForUpdate(sessionId, tx);
      if (session?.state !== 'calling_back' || session.ringbackAttempts !== ref.attempt) return false;
      return (await endRingback(tx, session, 'failed', { source: 'system', detail: { reason } })).retry;
    });
    if (retry) ringBack(sessionId);
    return;
  }
  const adopted = await db.transaction(async (tx) => {
    await lockCallSid(tx, callSid);
    return adoptRingback(tx, ref, callSid);
  });
  // The screener stopped the ringback while it was being placed.
  if (!adopted) await hangUpCall(callSid).catch(() => undefined);
}

/** Queues a ringback of the session; calls start no faster than Twilio's outbound rate. */
export function ringBack(sessionId: string): void {
  outboundQueue()(() => placeRingback(sessionId)).catch((error: unknown) => {
    logProblem('warn', 'calls', `ringback of session ${sessionId}:`, error instanceof Error ? error.message : error);
  });
}

/**
 * Ringbacks lost on the way (the process that was to place one stopped, or the call's last callback never came):
 * a session calling back for longer than any ring lasts, whose call Twilio no longer has, counts as a failed ring,
 * so it is tried again or ends, as the show says. Answers the sessions it recovered.
 */
export async function recoverLostRingbacks(sessions: readonly CallSession[]): Promise<string[]> {
  const db = await getDb();
  const recovered: string[] = [];
  for (const candidate of sessions) {
    if (candidate.state !== 'calling_back' || candidate.updatedAt.getTime() > Date.now() - RINGBACK_LOST_AFTER_MS)
      continue;
    if (!(await isCallGone(candidate.callSid))) continue;
    const retry = await db.transaction(async (tx) => {
      await lockCallSid(tx, candidate.callSid);
      const session = await findSessionForUpdate(candidate.id, tx);
      // Changed since it was listed: its ringback is alive after all.
      if (session?.state !== 'calling_back' || session.updatedAt.getTime() !== candidate.updatedAt.getTime())
        return null;
      return (await endRingback(tx, session, 'failed', { source: 'system', detail: { reason: 'ringback lost' } }))
        .retry;
    });
    if (retry === null) continue;
    if (retry) ringBack(candidate.id);
    recovered.push(candidate.id);
  }
  return recovered;
}

/** The screener stopped the ringback: its call, if it was placed, is hung up (it may be over already). */
export async function stopRingback(session: CallSession): Promise<void> {
  if (session.ringbackAttempts === 0) return;
  await hangUpCall(session.callSid).catch(() => undefined);
}

/** The ringback was answered: the caller goes straight into the room of the screener who picked them up. */
export async function answerRingback(ref: RingbackRef, callSid: string): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockCallSid(tx, callSid);
    const session = (await findSessionByCallSid(callSid, tx, true)) ?? (await adoptRingback(tx, ref, callSid));
    if (session?.state === 'calling_back') {
      const applied = await applyTransition(tx, session, 'answered', {
        source: 'twilio',
        name: 'ringback_answered',
        detail: { attempt: ref.attempt },
        extra: { attention: null },
      });
      return placementTwiml(applied.session, tx);
    }
    // A repeated request for a call already put through gets the same answer.
    if (session?.callSid === callSid && !isTerminal(session.state)) return placementTwiml(session, tx);
    return farewellTwiml(MESSAGES.ringbackStopped);
  });
}

/**
 * The lines closed: callers still waiting for a callback are not rung back. Their sessions end (off air, like a
 * call at a closed line); a ringback already under way goes on to its screener.
 */
export async function endPendingCallbacks(episodeId: string): Promise<number> {
  const db = await getDb();
  let ended = 0;
  for (const candidate of await listCallbackSessions(episodeId)) {
    const changed = await db.transaction(async (tx) => {
      const session = await findSessionForUpdate(candidate.id, tx);
      if (session?.state !== 'callback') return false;
      await applyTransition(tx, session, 'lines_closed', { source: 'system', endReason: 'lines_closed' });
      return true;
    });
    if (changed) ended += 1;
  }
  return ended;
}
