import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { PickupPace } from '@/lib/consoles/queue-order';
import { getDb, type Queryable } from './client';
import { callSessions } from './schema';

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
