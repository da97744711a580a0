import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { PickupPace } from '@/lib/consoles/queue-order';
import { UNSCREENED_STATES } from '@/lib/telephony/call-session-machine';
import { getDb, queryRows, type Queryable } from './client';
import { callSessions, type CallSession } from './schema';

/** This episode's pick-ups: callers screeners took at least once, the latest pick-up, and the first arrival. */
export async function episodePickupPace(episodeId: string, db?: Queryable): Promise<PickupPace> {
  const q = db ?? (await getDb());
  const [row] = await q
    .select({
      pickups: sql<number>`count(${callSessions.screeningAt})`.mapWith(Number),
      firstQueuedAt: sql<Date | null>`min(${callSessions.queuedAt})`,
      lastPickupAt: sql<Date | null>`max(${callSessions.screeningAt})`,
    })
    .from(callSessions)
    .where(eq(callSessions.episodeId, episodeId));
  const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : null);
  return {
    pickups: row?.pickups ?? 0,
    firstQueuedAt: time(row?.firstQueuedAt),
    lastPickupAt: time(row?.lastPickupAt),
  };
}
export type CueCandidate = Pick<
  CallSession,
  | 'id'
  | 'callSid'
  | 'state'
  | 'room'
  | 'confirmedRoom'
  | 'conferenceSid'
  | 'queueLane'
  | 'contestWinner'
  | 'queuedAt'
  | 'createdAt'
  | 'deckPosition'
  | 'cue'
>;

/** Everyone who may hear a cue, or whose last cue no longer holds: waiting, being screened, on deck. */
export async function listCueCandidates(episodeId: string, db?: Queryable): Promise<CueCandidate[]> {
  const q = db ?? (await getDb());
  return q
    .select({
      id: callSessions.id,
      callSid: callSessions.callSid,
      state: callSessions.state,
      room: callSessions.room,
      confirmedRoom: callSessions.confirmedRoom,
      conferenceSid: callSessions.conferenceSid,
      queueLane: callSessions.queueLane,
      contestWinner: callSessions.contestWinner,
      queuedAt: callSessions.queuedAt,
      createdAt: callSessions.createdAt,
      deckPosition: callSessions.deckPosition,
      cue: callSessions.cue,
    })
    .from(callSessions)
    .where(
      and(
        eq(callSessions.episodeId, episodeId),
        inArray(callSessions.state, [...UNSCREENED_STATES, 'screening', 'ready']),
      ),
    );
}

/** A cue this pass means to give (or, with cue null, a stale one to forget), if the session is still as seen. */
export interface CueClaim {
  sessionId: string;
  state: CallSession['state'];
  /** The cue the pass saw; the claim holds only if nobody changed it since. */
  seen: string | null;
  cue: string | null;
}

/**
 * Records the cues in one statement and answers the sessions whose claim held: a session that moved on, or a cue
 * another instance already gave, is left out, so each change is spoken once.
 */
export async function claimCues(claims: readonly CueClaim[], db?: Queryable): Promise<Set<string>> {
  if (claims.length === 0) return new Set();
  const q = db ?? (await getDb());
  const rows = await queryRows(
    q,
    `update call_sessions s set cue = v.cue
       from jsonb_to_recordset($1::jsonb) as v("sessionId" uuid, state call_state, seen text, cue text)
      where s.id = v."sessionId" and s.state = v.state
        and s.cue is not distinct from v.seen and s.cue is distinct from v.cue
     returning s.id`,
    [JSON.stringify(claims)],
  );
  return new Set(rows.map((row) => String(row.id)));
}
