import type { CueCandidate, CueClaim } from '@/lib/db/waiting';
import { compareQueue, estimatedWaitSeconds } from '@/lib/consoles/queue-order';
import { cueKey, type Cue } from '@/lib/telephony/cue';
import { UNSCREENED_STATES, type CallState } from '@/lib/telephony/call-session-machine';

export interface CueToGive {
  sessionId: string;
  state: CallState;
  callSid: string;
  conferenceSid: string;
  cue: Cue;
}

export interface CuePlan {
  /** Cues to record before speaking them (a claim that fails means someone else spoke it, or the call moved on). */
  claims: CueClaim[];
  /** What to say to whom, for the claims that hold. */
  give: Map<string, CueToGive>;
}

const isUnscreened = (state: CallState) => (UNSCREENED_STATES as readonly CallState[]).includes(state);

/** In its room as Twilio confirmed it, so a participant update reaches it (and only it). */
function reachable(c: CueCandidate): c is CueCandidate & { conferenceSid: string } {
  return c.room !== null && c.confirmedRoom === c.room && c.conferenceSid !== null;
}

/**
 * Who hears what now. A waiting caller hears their place (and the wait at this episode's pace) whenever it differs
 * from the last place they heard; the first caller in the host's deck order hears "you're next" once. Anyone else
 * forgets their last cue, so a caller requeued or moved back down the deck hears the new one. A caller not yet
 * confirmed in their room keeps what they had: their join brings another pass.
 */
export function planCues(candidates: readonly CueCandidate[], perPickup: number | null): CuePlan {
  const plan: CuePlan = { claims: [], give: new Map() };
  const want = (c: CueCandidate, cue: Cue | null) => {
    const key = cue ? cueKey(cue) : null;
    if (key === c.cue) return;
    if (cue && !reachable(c)) return;
    plan.claims.push({ sessionId: c.id, state: c.state, seen: c.cue, cue: key });
    if (cue && reachable(c))
      plan.give.set(c.id, { sessionId: c.id, state: c.state, callSid: c.callSid, conferenceSid: c.conferenceSid, cue });
  };
  const waiting = candidates
    .filter((c) => isUnscreened(c.state))
    .sort((a, b) =>
      compareQueue(
        { contestWinner: a.contestWinner, lane: a.queueLane, since: (a.queuedAt ?? a.createdAt).getTime() },
        { contestWinner: b.contestWinner, lane: b.queueLane, since: (b.queuedAt ?? b.createdAt).getTime() },
      ),
    );
  waiting.forEach((c, i) => {
    if (c.state === 'queued')
      want(c, { kind: 'position', position: i + 1, waitSeconds: estimatedWaitSeconds(i + 1, perPickup) });
  });
  const deck = candidates
    .filter((c) => c.state === 'ready')
    .sort(
      (a, b) =>
        (a.deckPosition ?? Number.POSITIVE_INFINITY) - (b.deckPosition ?? Number.POSITIVE_INFINITY) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    );
  deck.forEach((c, i) => want(c, i === 0 ? { kind: 'next' } : null));
  for (const c of candidates) if (c.state === 'screening') want(c, null);
  return plan;
}
