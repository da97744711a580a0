import 'server-only';
import { logProblem } from '@/lib/log';
import { hasDedupeKey, insertCallEvent, latestConferenceSequence } from '@/lib/db/call-events';
import { findSessionByCallSid, lockCallSid, patchSession, type SessionChanges } from '@/lib/db/call-sessions';
import { getDb, type Queryable } from '@/lib/db/client';
import type { CallSession } from '@/lib/db/schema';
import {
  END_REASON_FOR_EVENT,
  endInputForStatus,
  isTerminal,
  ringbackEndInput,
} from '@/lib/telephony/call-session-machine';
import { parseRoom, staffRoleOfLabel } from '@/lib/telephony/rooms';
import { applyTransition } from './apply-transition';
import { requestCues } from './cues';
import { syncLiveRoom } from './live-room';
import { adoptRingback, endRingback, ringBack, type RingbackRef } from './ringback';
import { requeueAfterScreenerLeft } from './screener-left';

export interface CallStatusCallback {
  callSid: string;
  callStatus: string;
  sequenceNumber: number | null;
  timestamp?: string;
  callDuration?: string;
  /** Present on a ringback's callbacks: which session and attempt the call is. */
  ringback?: RingbackRef;
}

export type CallbackOutcome = 'duplicate' | 'orphan' | 'stale' | 'applied' | 'recorded';

/**
 * A call status callback. At-least-once and unordered: a redelivery is recorded once (dedupe key), an older
 * SequenceNumber than one already applied changes nothing, a terminal state stays terminal, and a callback for
 * a call whose session does not exist yet is kept (sessionId null) for the door to adopt.
 */
export async function handleCallStatus(callback: CallStatusCallback): Promise<CallbackOutcome> {
  const { callSid, callStatus, sequenceNumber } = callback;
  const dedupeKey = `status:${callSid}:${sequenceNumber ?? 'none'}:${callStatus}`;
  const detail = {
    status: callStatus,
    sequence: sequenceNumber,
    timestamp: callback.timestamp ?? null,
    duration: callback.callDuration ?? null,
  };
  const db = await getDb();
  let episodeId: string | null = null;
  let retryRingback: string | null = null;
  const outcome = await db.transaction(async (tx): Promise<CallbackOutcome> => {
    await lockCallSid(tx, callSid);
    if (await hasDedupeKey(dedupeKey, tx)) return 'duplicate';
    const session =
      (await findSessionByCallSid(callSid, tx, true)) ??
      (callback.ringback ? await adoptRingback(tx, callback.ringback, callSid) : undefined);
    const name = `status:${callStatus}`;
    if (!session) {
      await insertCallEvent({ callSid, source: 'twilio', name, detail, dedupeKey }, tx);
      return 'orphan';
    }
    const input = endInputForStatus(callStatus);
    const seq = sequenceNumber ?? session.lastStatusSequence;
    const record = (outcome: CallbackOutcome) =>
      insertCallEvent(
        {
          sessionId: session.id,
          callSid,
          source: 'twilio',
          name,
          fromState: session.state,
          toState: session.state,
          detail: { ...detail, outcome },
          dedupeKey,
        },
        tx,
      ).then(() => outcome);
    // Until its ringback is placed, a session being rung back still carries the caller's earlier call, whose
    // late news must not end it: only the ringback's own callbacks (they name it) count.
    if (session.state === 'calling_back' && !callback.ringback) return record('recorded');
    if (!input && seq <= session.lastStatusSequence) return record('stale');
    const progress: SessionChanges = { lastStatusSequence: Math.max(seq, session.lastStatusSequence) };
    if (!input) {
      await patchSession(session.id, progress, tx);
      return record('recorded');
    }
    const gone: SessionChanges = { ...progress, confirmedRoom: null, conferenceSid: null, pendingCommand: null };
    const unanswered = session.state === 'calling_back' ? ringbackEndInput(callStatus) : null;
    if (unanswered) {
      const ended = await endRingback(tx, session, unanswered, { source: 'twilio', detail, dedupeKey });
      if (ended.retry) retryRingback = session.id;
      return 'applied';
    }
    if (isTerminal(session.state)) {
      // The call is over, so a farewell that Twilio refused earlier no longer needs anyone's attention.
      await patchSession(session.id, { ...gone, attention: null }, tx);
      return record('recorded');
    }
    await applyTransition(tx, session, input, {
      source: 'twilio',
      name,
      dedupeKey,
      detail,
      endReason: END_REASON_FOR_EVENT[input],
      extra: gone,
    });
    episodeId = session.episodeId;
    return 'applied';
  });
  // A caller who hung up moved everyone behind them up.
  requestCues(episodeId);
  if (retryRingback) ringBack(retryRingback);
  return outcome;
}

export interface ConferenceCallback {
  conferenceSid: string;
  friendlyName: string;
  event: string;
  sequenceNumber: number;
  callSid?: string;
  label?: string;
  muted?: boolean;
  hold?: boolean;
  reasonParticipantLeft?: string;
  timestamp?: string;
}

/** Applies a participant event to a caller's session, if it is the newest news about that call in that room. */
async function confirmParticipant(session: CallSession, cb: ConferenceCallback, tx: Queryable) {
  if (isTerminal(session.state)) return;
  const latest = await latestConferenceSequence(session.callSid, cb.conferenceSid, tx);
  if (latest !== null && cb.sequenceNumber < latest) return;
  const changes: SessionChanges = {};
  const inTarget = cb.friendlyName === session.room;
  if (cb.event === 'participant-join') {
    // Late news of a room the call has left cannot outweigh a confirmation of the room it belongs in.
    if (!inTarget && session.confirmedRoom === session.room) return;
    Object.assign(changes, { confirmedRoom: cb.friendlyName, conferenceSid: cb.conferenceSid });
    const audioMatches = session.state !== 'on_air' || cb.muted === undefined || cb.muted === session.muted;
    if (inTarget && session.pendingCommand && audioMatches)
      Object.assign(changes, { pendingCommand: null, attention: null });
  } else if (cb.event === 'participant-leave') {
    if (session.confirmedRoom === cb.friendlyName) Object.assign(changes, { confirmedRoom: null, conferenceSid: null });
  } else if (inTarget && session.pendingCommand && cb.muted === (session.state === 'ready' || session.muted)) {
    Object.assign(changes, { pendingCommand: null, attention: null });
  }
  if (Object.keys(changes).length > 0) await patchSession(session.id, changes, tx);
}

/**
 * A conference status callback: confirms where a caller really is, notices callers who hung up while in a
 * room, and reacts to staff browsers coming and going (hold deck callers when no host, requeue a caller whose
 * screener vanished).
 */
export async function handleConferenceStatus(cb: ConferenceCallback): Promise<CallbackOutcome> {
  const dedupeKey = `conference:${cb.conferenceSid}:${cb.sequenceNumber}:${cb.event}`;
  const staffRole = staffRoleOfLabel(cb.label);
  const detail = {
    conferenceSid: cb.conferenceSid,
    room: cb.friendlyName,
    sequence: cb.sequenceNumber,
    label: cb.label ?? null,
    muted: cb.muted ?? null,
    hold: cb.hold ?? null,
    reason: cb.reasonParticipantLeft ?? null,
    timestamp: cb.timestamp ?? null,
  };
  const db = await getDb();
  let episodeId: string | null = null;
  const outcome = await db.transaction(async (tx): Promise<CallbackOutcome> => {
    await lockCallSid(tx, cb.callSid ?? cb.conferenceSid);
    if (await hasDedupeKey(dedupeKey, tx)) return 'duplicate';
    const session = cb.callSid && !staffRole ? await findSessionByCallSid(cb.callSid, tx, true) : undefined;
    await insertCallEvent(
      {
        sessionId: session?.id ?? null,
        callSid: cb.callSid ?? null,
        source: 'twilio',
        name: cb.event,
        fromState: session?.state,
        toState: session?.state,
        detail,
        dedupeKey,
      },
      tx,
    );
    if (!session) return 'recorded';
    episodeId = session.episodeId;
    await confirmParticipant(session, cb, tx);
    // Star (hangupOnStar) also leaves a hold room as participant_hung_up, and then the call goes on to the
    // callback menu: a caller who really hung up there is ended by the status callback or the Dial action.
    if (
      cb.event === 'participant-leave' &&
      cb.reasonParticipantLeft === 'participant_hung_up' &&
      parseRoom(cb.friendlyName)?.kind !== 'hold' &&
      !isTerminal(session.state)
    ) {
      const fresh = (await findSessionByCallSid(session.callSid, tx, true)) ?? session;
      await applyTransition(tx, fresh, 'caller_hung_up', {
        source: 'twilio',
        name: 'left_hung_up',
        endReason: END_REASON_FOR_EVENT.caller_hung_up,
        detail,
        extra: { confirmedRoom: null, conferenceSid: null, pendingCommand: null },
      });
    }
    return 'applied';
  });
  if (outcome === 'duplicate') return outcome;
  await followUp(cb, staffRole);
  // A caller confirmed in (or gone from) a room: their cue can reach them now, or others' places changed.
  if (cb.event === 'participant-join' || cb.event === 'participant-leave') requestCues(episodeId);
  return outcome;
}

/** Reactions that need Twilio; run after the callback's transaction so they hold no locks while waiting. */
async function followUp(cb: ConferenceCallback, staffRole: ReturnType<typeof staffRoleOfLabel>): Promise<void> {
  const room = parseRoom(cb.friendlyName);
  const arrivedOrLeft = cb.event === 'participant-join' || cb.event === 'participant-leave';
  try {
    if (room?.kind === 'live' && arrivedOrLeft) await syncLiveRoom(room.id);
    if (room?.kind === 'screen' && staffRole === 'screener' && cb.event === 'participant-leave') {
      await requeueAfterScreenerLeft(room.id, 'the browser left the screening room');
    }
  } catch (error) {
    // The reconciler repairs whatever this could not; the callback itself was recorded.
    logProblem(
      'warn',
      'calls',
      `follow-up of ${cb.event} in ${cb.friendlyName} failed:`,
      error instanceof Error ? error.message : error,
    );
  }
}
