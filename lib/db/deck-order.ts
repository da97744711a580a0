import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { LIVE_ROOM_STATES } from '@/lib/telephony/call-session-machine';
import type { Queryable } from './client';
import { callSessions, type CallSession } from './schema';

/** The episode's callers on deck, locked until the transaction ends so two reorders apply one after the other. */
export async function lockDeck(episodeId: string, tx: Queryable): Promise<Pick<CallSession, 'id' | 'state'>[]> {
  // The board's own order (lib/db/call-sessions listBoardRows), so a reorder starts from what consoles show.
  return tx
    .select({ id: callSessions.id, state: callSessions.state })
    .from(callSessions)
    .where(and(eq(callSessions.episodeId, episodeId), inArray(callSessions.state, [...LIVE_ROOM_STATES])))
    .orderBy(asc(callSessions.deckPosition), asc(callSessions.createdAt))
    .for('update');
}

/**
 * Writes deck positions without bumping versions: the order is the deck's, not the caller's, and a reorder must
 * not make a host's or screener's next command on that caller fail its version check.
 */
export async function writeDeckPositions(positions: ReadonlyMap<string, number>, tx: Queryable): Promise<void> {
  const now = new Date();
  for (const [id, position] of positions) {
    await tx
      .update(callSessions)
      .set({ deckPosition: position, updatedAt: now })
      .where(and(eq(callSessions.id, id), sql`${callSessions.deckPosition} is distinct from ${position}`));
  }
}
