import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, notInArray, or, sql } from 'drizzle-orm';
import { LIVE_ROOM_STATES, OPEN_STATES, SCREENER_BUSY_STATES } from '@/lib/telephony/call-session-machine';
import { getDb, queryRows, type Queryable } from './client';
import { callers, callSessions, episodes, shows, users, type CallSession } from './schema';

/**
 * Serialises everything that happens to one Twilio call (voice webhook, callbacks, reconciler) inside the
 * current transaction, so a callback that races the voice webhook is never lost between them.
 */
export function lockCallSid(tx: Queryable, callSid: string): Promise<unknown> {
  // Sent straight away (no await before it), so a statement queued right after it runs after it.
  return queryRows(tx, 'select pg_advisory_xact_lock(7203116, hashtext($1))', [callSid]);
}

/** Serialises a screener's pickups, so nobody screens two callers in one room. */
export async function lockScreener(tx: Queryable, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7203117, hashtext(${userId}))`);
}

/**
 * Serialises putting callers on air in one episode, then says how many are on air and the show's limit, so two
 * hosts pressing "Put on air" at once cannot pass the limit together.
 */
export async function lockOnAirCount(episodeId: string, tx: Queryable): Promise<{ onAir: number; limit: number }> {
  await tx.execute(sql`select pg_advisory_xact_lock(7203118, hashtext(${episodeId}))`);
  const [row] = await tx
    .select({
      limit: shows.onAirLimit,
      onAir:
        sql<number>`(select count(*) from ${callSessions} where ${callSessions.episodeId} = ${episodes.id} and ${callSessions.state} = 'on_air')`.mapWith(
          Number,
        ),
    })
    .from(episodes)
    .innerJoin(shows, eq(shows.id, episodes.showId))
    .where(eq(episodes.id, episodeId));
  return row ?? { onAir: 0, limit: Number.POSITIVE_INFINITY };
}

export async function findSession(id: string, db?: Queryable): Promise<CallSession | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q.select().from(callSessions).where(eq(callSessions.id, id)).limit(1);
  return row;
}

/** Reads a session and locks its row until the transaction ends. */
export async function findSessionForUpdate(id: string, tx: Queryable): Promise<CallSession | undefined> {
  const [row] = await tx.select().from(callSessions).where(eq(callSessions.id, id)).limit(1).for('update');
  return row;
}

export async function findSessionByCallSid(
  callSid: string,
  db?: Queryable,
  lock = false,
): Promise<CallSession | undefined> {
  const q = db ?? (await getDb());
  const query = q.select().from(callSessions).where(eq(callSessions.callSid, callSid)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export type SessionChanges = Partial<Omit<CallSession, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'callSid'>>;

/** Writes changes and bumps the version, so every console sees that something moved. */
export async function updateSession(id: string, changes: SessionChanges, tx: Queryable): Promise<CallSession> {
  const [row] = await tx
    .update(callSessions)
    .set({ ...changes, version: sql`${callSessions.version} + 1`, updatedAt: new Date() })
    .where(eq(callSessions.id, id))
    .returning();
  if (!row) throw new Error(`call session ${id} vanished during an update`);
  return row;
}

/**
 * Records what Twilio confirmed (room, pending command cleared) without bumping the version: a confirmation
 * must not make a console's next command fail its version check. The board's ETag still sees it.
 */
export async function patchSession(
  id: string,
  changes: SessionChanges,
  db?: Queryable,
): Promise<CallSession | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q
    .update(callSessions)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(callSessions.id, id))
    .returning();
  return row;
}

/** The callers this screener is screening, or ringing back, right now (normally at most one). */
export async function listScreeningBy(screenerId: string, db?: Queryable): Promise<CallSession[]> {
  const q = db ?? (await getDb());
  return q
    .select()
    .from(callSessions)
    .where(and(eq(callSessions.screenerId, screenerId), inArray(callSessions.state, [...SCREENER_BUSY_STATES])))
    .orderBy(asc(callSessions.createdAt));
}

/**
 * The session is now carried by another call (its ringback): callbacks name the new CallSid from here on, and
 * that call's SequenceNumbers start again at 0.
 */
export async function replaceCallSid(id: string, callSid: string, tx: Queryable): Promise<CallSession> {
  const [row] = await tx
    .update(callSessions)
    .set({ callSid, lastStatusSequence: -1, confirmedRoom: null, conferenceSid: null, updatedAt: new Date() })
    .where(eq(callSessions.id, id))
    .returning();
  if (!row) throw new Error(`call session ${id} vanished while its call changed`);
  return row;
}

/** Waiting callers of an episode whose call is elsewhere for now: they asked to be called back. */
export async function listCallbackSessions(episodeId: string, db?: Queryable): Promise<CallSession[]> {
  const q = db ?? (await getDb());
  return q
    .select()
    .from(callSessions)
    .where(and(eq(callSessions.episodeId, episodeId), eq(callSessions.state, 'callback')));
}

/**
 * Callers in their hold room who have waited their show's callback wait and have not heard the offer yet, with
 * the conference they were confirmed in. Withheld numbers are left to the caller (they cannot be rung back).
 */
export async function listCallbackOffersDue(db?: Queryable): Promise<CallSession[]> {
  const q = db ?? (await getDb());
  const rows = await q
    .select({ session: callSessions })
    .from(callSessions)
    .innerJoin(shows, eq(shows.id, callSessions.showId))
    .where(
      and(
        eq(callSessions.state, 'queued'),
        isNull(callSessions.callbackOfferedAt),
        isNotNull(callSessions.conferenceSid),
        sql`${callSessions.confirmedRoom} = ${callSessions.room}`,
        sql`${shows.callbackOfferAfter} > 0`,
        sql`${callSessions.queuedAt} <= now() - make_interval(secs => ${shows.callbackOfferAfter})`,
      ),
    );
  return rows.map((r) => r.session);
}

export async function listOpenSessions(
  filter: { episodeId?: string; since?: Date } = {},
  db?: Queryable,
): Promise<CallSession[]> {
  const q = db ?? (await getDb());
  return q
    .select()
    .from(callSessions)
    .where(
      and(
        inArray(callSessions.state, [...OPEN_STATES]),
        filter.episodeId ? eq(callSessions.episodeId, filter.episodeId) : isNotNull(callSessions.episodeId),
        filter.since ? gte(callSessions.createdAt, filter.since) : undefined,
      ),
    )
    .orderBy(asc(callSessions.createdAt));
}

/**
 * Finished sessions still marked as moving or as sitting in a room: their last callback (the call's end) never
 * arrived, so nothing else will ever clear them.
 */
export async function listEndedSessionsWithLooseEnds(since: Date, db?: Queryable): Promise<CallSession[]> {
  const q = db ?? (await getDb());
  return q
    .select()
    .from(callSessions)
    .where(
      and(
        notInArray(callSessions.state, [...OPEN_STATES]),
        or(isNotNull(callSessions.pendingCommand), isNotNull(callSessions.confirmedRoom)),
        gte(callSessions.updatedAt, since),
      ),
    );
}

export async function listLiveRoomSessions(episodeId: string, db?: Queryable): Promise<CallSession[]> {
  const q = db ?? (await getDb());
  return q
    .select()
    .from(callSessions)
    .where(and(eq(callSessions.episodeId, episodeId), inArray(callSessions.state, [...LIVE_ROOM_STATES])));
}

export interface BoardRow {
  session: CallSession;
  callerCallCount: number | null;
  callerAiredCount: number | null;
  callerLastCallAt: Date | null;
  callerNotes: string | null;
  callerFlags: string[] | null;
  screenerName: string | null;
}

const boardColumns = {
  session: callSessions,
  callerCallCount: callers.callCount,
  callerAiredCount: callers.airedCount,
  callerLastCallAt: callers.lastCallAt,
  callerNotes: callers.notes,
  callerFlags: callers.flags,
  screenerName: users.name,
};

/** Every open session of an episode plus the most recently ended ones, with caller history and screener. */
export async function listBoardRows(
  episodeId: string,
  recentLimit: number,
  db?: Queryable,
): Promise<{ open: BoardRow[]; ended: BoardRow[] }> {
  const q = db ?? (await getDb());
  const base = () =>
    q
      .select(boardColumns)
      .from(callSessions)
      .leftJoin(callers, eq(callers.id, callSessions.callerId))
      .leftJoin(users, eq(users.id, callSessions.screenerId));
  const open = await base()
    .where(and(eq(callSessions.episodeId, episodeId), inArray(callSessions.state, [...OPEN_STATES])))
    .orderBy(asc(callSessions.deckPosition), asc(callSessions.createdAt));
  const ended = await base()
    .where(and(eq(callSessions.episodeId, episodeId), notInArray(callSessions.state, [...OPEN_STATES])))
    .orderBy(desc(callSessions.endedAt), desc(callSessions.createdAt))
    .limit(recentLimit);
  return { open, ended };
}
