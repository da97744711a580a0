import 'server-only';
import { adoptOrphanEvents, insertCallEvent } from '@/lib/db/call-events';
import { findOrCreateCaller, recordCallerCall } from '@/lib/db/callers';
import { countWaiting, findSessionByCallSid, insertSession, lockCallSid } from '@/lib/db/call-sessions';
import { getDb, type Queryable } from '@/lib/db/client';
import { countArrival, findShowWithOpenEpisode, recordContestWinner } from '@/lib/db/episodes';
import type { CallSession, Show } from '@/lib/db/schema';
import type { CallState } from '@/lib/telephony/call-session-machine';
import { END_REASON_FOR_EVENT, endInputForStatus, isTerminal } from '@/lib/telephony/call-session-machine';
import { holdRoom } from '@/lib/telephony/rooms';
import { isWithheldNumber } from '@/lib/telephony/withheld-number';
import { farewellTwiml, MESSAGES } from '@/lib/telephony/twiml';
import { applyTransition } from './apply-transition';
import { CONTEST_RELEASED_MESSAGE, CONTEST_WINNER_GREETING, contestOutcome } from './contest-outcome';
import { placementTwiml } from './placement';

export interface IncomingCall {
  callSid: string;
  from: string;
  to: string;
}

export type DoorDecision = Extract<CallState, 'queued' | 'off_air' | 'blocked' | 'queue_full' | 'contest_released'>;

export interface DoorResult {
  decision: DoorDecision | 'unknown_number' | 'repeat';
  session: CallSession | null;
  twiml: string;
}

const REFUSALS: Record<Exclude<DoorDecision, 'queued'>, (show: Show) => string> = {
  off_air: (show) => show.offAirMessage,
  blocked: () => MESSAGES.blocked,
  queue_full: () => MESSAGES.queueFull,
  contest_released: () => CONTEST_RELEASED_MESSAGE,
};

interface Refusal {
  state: Exclude<DoorDecision, 'queued'>;
  episodeId: string | null;
  callerId: string | null;
  arrivalSeq?: number;
}

async function refuse(tx: Queryable, call: IncomingCall, show: Show, refusal: Refusal): Promise<DoorResult> {
  const { state, episodeId, callerId, arrivalSeq } = refusal;
  const now = new Date();
  const session = await insertSession(
    { showId: show.id, episodeId, callerId, callSid: call.callSid, fromNumber: call.from, state, arrivalSeq, endedAt: now, endReason: state },
    tx,
  );
  await insertCallEvent({ sessionId: session.id, callSid: call.callSid, source: 'twilio', name: 'arrived', toState: state, detail: { decision: state, arrival: arrivalSeq ?? null } }, tx);
  await adoptOrphanEvents(call.callSid, session.id, tx);
  return { decision: state, session, twiml: farewellTwiml(REFUSALS[state](show)) };
}

/** Status callbacks that beat the voice webhook here: if one says the call already ended, the session ends now. */
async function applyEarlyCallbacks(tx: Queryable, session: CallSession): Promise<CallSession> {
  const orphans = await adoptOrphanEvents(session.callSid, session.id, tx);
  let current = session;
  for (const event of orphans) {
    const status = typeof event.detail.status === 'string' ? event.detail.status : null;
    const input = status ? endInputForStatus(status) : null;
    if (input && !isTerminal(current.state)) {
      current = (await applyTransition(tx, current, input, { source: 'twilio', name: `early_status:${status}`, endReason: END_REASON_FOR_EVENT[input] })).session;
    }
  }
  return current;
}

/**
 * The voice webhook: a call rings the show number. Decides off air / blocked / queue full / contest released /
 * queued and answers with the TwiML for that decision. Idempotent per CallSid (Twilio may retry the request).
 */
export async function answerIncomingCall(call: IncomingCall): Promise<DoorResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockCallSid(tx, call.callSid);
    const existing = await findSessionByCallSid(call.callSid, tx, true);
    if (existing) return { decision: 'repeat', session: existing, twiml: await placementTwiml(existing, tx) };
    const found = await findShowWithOpenEpisode(call.to, tx);
    if (!found) {
      await insertCallEvent({ callSid: call.callSid, source: 'twilio', name: 'unknown_number', detail: { to: call.to } }, tx);
      return { decision: 'unknown_number', session: null, twiml: farewellTwiml(MESSAGES.unknownNumber) };
    }
    const { show, episode } = found;
    if (!episode) return refuse(tx, call, show, { state: 'off_air', episodeId: null, callerId: null });
    // A withheld number is shared by strangers: it gets no caller record, so no history, prefill or block.
    const caller = isWithheldNumber(call.from) ? null : await findOrCreateCaller(call.from, tx);
    if (caller?.blocked) return refuse(tx, call, show, { state: 'blocked', episodeId: episode.id, callerId: caller.id });
    // Everything below runs under the episode's row lock (countArrival), as late as possible so calls queue briefly.
    const arrival = await countArrival(episode.id, tx);
    if (!arrival) return refuse(tx, call, show, { state: 'off_air', episodeId: null, callerId: null });
    const contest = contestOutcome(arrival);
    const refusal = { episodeId: episode.id, callerId: caller?.id ?? null, arrivalSeq: arrival.seq };
    if (contest === 'released') return refuse(tx, call, show, { state: 'contest_released', ...refusal });
    // The winner is admitted whatever the queue limit: the show promised them the air.
    if (contest === 'no_contest' && (await countWaiting(episode.id, tx)) >= show.maxQueue) return refuse(tx, call, show, { state: 'queue_full', ...refusal });
    const now = new Date();
    if (caller) await recordCallerCall(caller.id, now, tx);
    const sessionId = crypto.randomUUID();
    const winner = contest === 'winner';
    const inserted = await insertSession(
      {
        id: sessionId,
        showId: show.id,
        episodeId: episode.id,
        callerId: caller?.id ?? null,
        callSid: call.callSid,
        fromNumber: call.from,
        state: 'queued',
        room: holdRoom(sessionId),
        queuedAt: now,
        arrivalSeq: arrival.seq,
        contestWinner: winner,
        cardName: caller?.name ?? null,
        cardLocation: caller?.location ?? null,
      },
      tx,
    );
    if (winner) await recordContestWinner(episode.id, sessionId, tx);
    await insertCallEvent(
      {
        sessionId,
        callSid: call.callSid,
        source: 'twilio',
        name: 'arrived',
        toState: 'queued',
        detail: { decision: 'queued', arrival: arrival.seq, room: inserted.room, ...(winner ? { contestWinner: true } : {}) },
      },
      tx,
    );
    const session = await applyEarlyCallbacks(tx, inserted);
    return { decision: 'queued', session, twiml: await placementTwiml(session, tx, { greeting: winner ? CONTEST_WINNER_GREETING : show.greeting, show }) };
  });
}
