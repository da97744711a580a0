import 'server-only';
import { decideArrival, type ArrivalDecision } from '@/lib/db/arrivals';
import { getDb, type Queryable } from '@/lib/db/client';
import type { CallSession, Show } from '@/lib/db/schema';
import {
  END_REASON_FOR_EVENT,
  endInputForStatus,
  isTerminal,
  WITHHELD_REFUSED_REASON,
} from '@/lib/telephony/call-session-machine';
import { holdRoom } from '@/lib/telephony/rooms';
import { publicUrl } from '@/lib/telephony/config';
import { farewellTwiml, MESSAGES, overflowHoldTwiml } from '@/lib/telephony/twiml';
import { isWithheldNumber } from '@/lib/telephony/withheld-number';
import { applyTransition } from './apply-transition';
import { CONTEST_RELEASED_MESSAGE, CONTEST_WINNER_GREETING } from './contest-outcome';
import { placementTwiml } from './placement';

export interface IncomingCall {
  callSid: string;
  from: string;
  to: string;
}

export type DoorDecision = Exclude<ArrivalDecision, 'unknown_number' | 'repeat'>;

export interface DoorResult {
  decision: ArrivalDecision;
  session: CallSession | null;
  twiml: string;
}

const REFUSALS: Record<Exclude<DoorDecision, 'queued'>, (show: Show, session: CallSession | null) => string> = {
  off_air: (show) => show.offAirMessage,
  blocked: (_show, session) =>
    session?.endReason === WITHHELD_REFUSED_REASON ? MESSAGES.withheldRefused : MESSAGES.blocked,
  queue_full: () => MESSAGES.queueFull,
  contest_released: () => CONTEST_RELEASED_MESSAGE,
};

/** Status callbacks that beat the voice webhook here: if one says the call already ended, the session ends now. */
async function applyEarlyCallbacks(tx: Queryable, session: CallSession, statuses: string[]): Promise<CallSession> {
  let current = session;
  for (const status of statuses) {
    const input = endInputForStatus(status);
    if (input && !isTerminal(current.state)) {
      current = (
        await applyTransition(tx, current, input, {
          source: 'twilio',
          name: `early_status:${status}`,
          endReason: END_REASON_FOR_EVENT[input],
        })
      ).session;
    }
  }
  return current;
}

/**
 * The voice webhook: a call rings the show number. Decides off air / blocked / queue full / contest released /
 * queued and answers with the TwiML for that decision. Idempotent per CallSid (Twilio may retry the request).
 * A withheld number is shared by strangers, so it gets no caller record: no history, prefill or block.
 */
export async function answerIncomingCall(call: IncomingCall): Promise<DoorResult> {
  const db = await getDb();
  const sessionId = crypto.randomUUID();
  return db.transaction(async (tx) => {
    const arrival = {
      ...call,
      callerNumber: isWithheldNumber(call.from) ? null : call.from,
      sessionId,
      holdRoom: holdRoom(sessionId),
    };
    const { decision, winner, session: decided, show, earlyStatuses } = await decideArrival(arrival, tx);
    if (decision === 'unknown_number' || !show || !decided)
      return { decision: 'unknown_number', session: null, twiml: farewellTwiml(MESSAGES.unknownNumber) };
    if (decision === 'repeat')
      return { decision, session: decided, twiml: await placementTwiml(decided, tx, { show }) };
    // Rare: only when a status callback beat this webhook. Then the episode lock is held a little longer.
    const session = earlyStatuses.length > 0 ? await applyEarlyCallbacks(tx, decided, earlyStatuses) : decided;
    if (decision !== 'queued') return { decision, session, twiml: farewellTwiml(REFUSALS[decision](show, session)) };
    return {
      decision,
      session,
      twiml: await placementTwiml(session, tx, { greeting: winner ? CONTEST_WINNER_GREETING : show.greeting, show }),
    };
  });
}

/**
 * How long a caller may wait for the door's decision: well under Twilio's 15 s webhook timeout, after which the
 * caller would hear "an application error has occurred".
 */
export const DOOR_BUDGET_MS = 5000;

/**
 * The voice webhook's answer within the budget. When the app is overloaded and the decision is not in by then,
 * the caller gets a short pause and a redirect back to the door instead of an error; the decision still commits
 * (or has already), and the redirected request, a repeat of the same CallSid, answers with where the call was put.
 * So what every caller hears always matches their session.
 */
export async function answerIncomingCallWithin(call: IncomingCall, budgetMs = DOOR_BUDGET_MS): Promise<string> {
  const decided = answerIncomingCall(call).then((result) => result.twiml);
  let timer: NodeJS.Timeout | undefined;
  const overflow = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(overflowHoldTwiml(publicUrl('/api/twilio/voice'))), budgetMs);
  });
  try {
    return await Promise.race([decided, overflow]);
  } finally {
    clearTimeout(timer);
  }
}
