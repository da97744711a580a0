import 'server-only';
import { logProblem } from '@/lib/log';
import { findSession, findSessionForUpdate, lockCallSid, patchSession } from '@/lib/db/call-sessions';
import { getDb } from '@/lib/db/client';
import type { CallSession } from '@/lib/db/schema';
import { isTerminal, type TwilioEffect } from '@/lib/telephony/call-session-machine';
import { isPermanentRefusal, toAppError } from '@/lib/telephony/retry';
import { isCallGone } from '@/lib/telephony/twilio-actions';
import { applyTransition } from './apply-transition';
import { syncLiveRoom } from './live-room';
import { moveToPlacement } from './placement';
import { ringBack, stopRingback } from './ringback';

/**
 * Ends a session whose call Twilio no longer has (its hang-up callback never reached us). `ended` says whether
 * this call ended it, or found it already ended (by a late callback, or by another instance).
 */
export async function endVanishedCall(
  sessionId: string,
  name: string,
  detail: Record<string, unknown> = {},
): Promise<{ session: CallSession; ended: boolean } | undefined> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await findSession(sessionId, tx);
    if (!current) return undefined;
    await lockCallSid(tx, current.callSid);
    const session = await findSessionForUpdate(sessionId, tx);
    if (!session) return undefined;
    if (isTerminal(session.state)) return { session, ended: false };
    const applied = await applyTransition(tx, session, 'caller_hung_up', {
      source: 'system',
      name,
      endReason: name,
      detail,
      extra: { confirmedRoom: null, conferenceSid: null },
    });
    return { session: applied.session, ended: true };
  });
}

/**
 * Twilio could not do what the new state needs. If the call is simply gone, the session ends; otherwise it is
 * flagged for attention, with pendingCommand kept while a retry (by the reconciler) can still help.
 */
async function flagTrouble(session: CallSession, cause: unknown): Promise<CallSession> {
  const error = toAppError('carry out the command', cause);
  const permanent = isPermanentRefusal(error);
  if (permanent && (await isCallGone(session.callSid).catch(() => false))) {
    // A finished call whose caller hung up first needs no goodbye: nothing to retry, nothing to flag.
    if (isTerminal(session.state)) return (await patchSession(session.id, { pendingCommand: null })) ?? session;
    return (await endVanishedCall(session.id, 'call_gone', { reason: error.message }))?.session ?? session;
  }
  logProblem('warn', 'calls', `session ${session.id}: ${error.message}`);
  const attention = permanent ? error.message : 'Twilio did not answer in time; retrying shortly.';
  const patched = await patchSession(session.id, {
    attention,
    pendingCommand: permanent ? null : session.pendingCommand,
  });
  return patched ?? session;
}

/** Tells Twilio what a transition needs. Never throws: trouble lands on the session for the consoles to show. */
export async function carryOut(session: CallSession, effect: TwilioEffect): Promise<CallSession> {
  if (effect === 'none') return session;
  if (effect === 'ring') {
    ringBack(session.id);
    return session;
  }
  if (effect === 'cancel_ring') {
    await stopRingback(session);
    return (await findSession(session.id)) ?? session;
  }
  try {
    if (effect === 'move' || effect === 'farewell') {
      await moveToPlacement(session);
    } else if (session.episodeId) {
      const outcome = (await syncLiveRoom(session.episodeId)).sessions.get(session.id);
      if (outcome?.status === 'error') throw outcome.error;
    }
  } catch (error) {
    return flagTrouble(session, error);
  }
  return (await findSession(session.id)) ?? session;
}
