import 'server-only';
import { and, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type Queryable } from './client';
import { callers, callSessions, episodes, users } from './schema';
import type { CallState } from '@/lib/telephony/call-session-machine';

export interface HistoryFilter {
  /** Part of a phone number or of a name (the card's or the caller's). */
  search?: string;
  episodeId?: string;
  outcome?: CallState;
  showId?: string;
  limit: number;
}

export interface HistoryRow {
  id: string;
  episodeId: string | null;
  episodeTitle: string | null;
  callerId: string | null;
  fromNumber: string;
  name: string | null;
  location: string | null;
  topic: string | null;
  state: CallState;
  rejectReason: string | null;
  endReason: string | null;
  screenerName: string | null;
  callerBlocked: boolean;
  arrivedAt: Date;
  firstAnsweredAt: Date | null;
  onAirAt: Date | null;
  endedAt: Date | null;
}

/** Escapes LIKE's wildcards so a search for "50%" means the characters. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The first pickup, from the event log: screening_at is overwritten when a caller is screened again. The outer
// column is written out in full because drizzle leaves it unqualified in a select without joins.
const firstAnsweredAt =
  sql<Date | null>`(select min(e.created_at) from call_events e where e.session_id = "call_sessions"."id" and e.name = 'pickup')`.mapWith(
    (value: string | Date | null) => (value === null ? null : new Date(value)),
  );

const historyColumns = {
  id: callSessions.id,
  episodeId: callSessions.episodeId,
  episodeTitle: episodes.title,
  callerId: callSessions.callerId,
  fromNumber: callSessions.fromNumber,
  name: sql<string | null>`coalesce(${callSessions.cardName}, ${callers.name})`,
  location: sql<string | null>`coalesce(${callSessions.cardLocation}, ${callers.location})`,
  topic: callSessions.cardTopic,
  state: callSessions.state,
  rejectReason: callSessions.rejectReason,
  endReason: callSessions.endReason,
  screenerName: users.name,
  callerBlocked: sql<boolean>`coalesce(${callers.blocked}, false)`,
  arrivedAt: callSessions.createdAt,
  firstAnsweredAt,
  onAirAt: callSessions.onAirAt,
  endedAt: callSessions.endedAt,
};

export async function searchCallHistory(filter: HistoryFilter, db?: Queryable): Promise<HistoryRow[]> {
  const q = db ?? (await getDb());
  const conditions: (SQL | undefined)[] = [];
  const search = filter.search?.trim();
  if (search) {
    const pattern = likePattern(search);
    const digits = search.replace(/\D/g, '');
    conditions.push(
      or(
        ilike(callSessions.cardName, pattern),
        ilike(callers.name, pattern),
        ilike(callSessions.fromNumber, pattern),
        digits.length >= 3 ? ilike(callSessions.fromNumber, likePattern(digits)) : undefined,
      ),
    );
  }
  if (filter.episodeId) conditions.push(eq(callSessions.episodeId, filter.episodeId));
  if (filter.outcome) conditions.push(eq(callSessions.state, filter.outcome));
  if (filter.showId) conditions.push(eq(callSessions.showId, filter.showId));
  return q
    .select(historyColumns)
    .from(callSessions)
    .leftJoin(callers, eq(callers.id, callSessions.callerId))
    .leftJoin(episodes, eq(episodes.id, callSessions.episodeId))
    .leftJoin(users, eq(users.id, callSessions.screenerId))
    .where(and(...conditions))
    .orderBy(desc(callSessions.createdAt))
    .limit(filter.limit);
}

/** Every call that entered one of these episodes, with what the stats need. */
export async function listEpisodeCalls(episodeIds: readonly string[], db?: Queryable) {
  if (episodeIds.length === 0) return [];
  const q = db ?? (await getDb());
  return q
    .select({
      episodeId: callSessions.episodeId,
      state: callSessions.state,
      arrivedAt: callSessions.createdAt,
      firstAnsweredAt,
      onAirAt: callSessions.onAirAt,
      endedAt: callSessions.endedAt,
    })
    .from(callSessions)
    .where(and(isNotNull(callSessions.episodeId), inArray(callSessions.episodeId, [...episodeIds])));
}

export async function listEpisodesForFilter(limit: number, db?: Queryable) {
  const q = db ?? (await getDb());
  return q
    .select({
      id: episodes.id,
      title: episodes.title,
      showId: episodes.showId,
      openedAt: episodes.openedAt,
      closedAt: episodes.closedAt,
    })
    .from(episodes)
    .orderBy(desc(episodes.openedAt))
    .limit(limit);
}
