import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { getDb, type Queryable } from './client';
import { episodes, shows, type Episode, type NewEpisode, type Show } from './schema';

export async function listShowsForProvisioning(db?: Queryable): Promise<Pick<Show, 'id' | 'phoneNumber'>[]> {
  const q = db ?? (await getDb());
  return q.select({ id: shows.id, phoneNumber: shows.phoneNumber }).from(shows).orderBy(asc(shows.createdAt));
}

export async function findEpisodeById(id: string, db?: Queryable): Promise<Episode | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q.select().from(episodes).where(eq(episodes.id, id)).limit(1);
  return row;
}

/** The show's open episode; with `lock`, its row stays locked until the transaction ends (arrival order, queue limit). */
export async function findOpenEpisode(showId: string, db?: Queryable, lock = false): Promise<Episode | undefined> {
  const q = db ?? (await getDb());
  const query = q
    .select()
    .from(episodes)
    .where(and(eq(episodes.showId, showId), isNull(episodes.closedAt)))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function listOpenEpisodes(db?: Queryable): Promise<Episode[]> {
  const q = db ?? (await getDb());
  return q.select().from(episodes).where(isNull(episodes.closedAt)).orderBy(asc(episodes.openedAt));
}

export async function latestEpisodes(showId: string, limit: number, db?: Queryable): Promise<Episode[]> {
  const q = db ?? (await getDb());
  return q.select().from(episodes).where(eq(episodes.showId, showId)).orderBy(desc(episodes.openedAt)).limit(limit);
}

/** Inserts an open episode; undefined when the show already has one (the partial unique index). */
export async function insertOpenEpisode(values: NewEpisode, db?: Queryable): Promise<Episode | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q.insert(episodes).values(values).onConflictDoNothing().returning();
  return row;
}

export async function closeEpisode(id: string, at: Date, db?: Queryable): Promise<Episode | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q
    .update(episodes)
    .set({ closedAt: at })
    .where(and(eq(episodes.id, id), isNull(episodes.closedAt)))
    .returning();
  return row;
}

/** Opens the lines of a closed episode again; undefined when it is open already (or the show has another open). */
export async function reopenEpisode(id: string, db?: Queryable): Promise<Episode | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q
    .update(episodes)
    .set({ closedAt: null })
    .where(and(eq(episodes.id, id), isNotNull(episodes.closedAt)))
    .returning();
  return row;
}

/** Starts counting for "the Nth caller wins" from the episode's current arrival count; undefined if closed or already running. */
export async function startEpisodeContest(
  episodeId: string,
  target: number,
  db?: Queryable,
): Promise<Episode | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q
    .update(episodes)
    .set({
      contestOpen: true,
      contestTarget: target,
      contestStartArrival: sql`${episodes.arrivals}`,
      contestWinnerSessionId: null,
    })
    .where(and(eq(episodes.id, episodeId), isNull(episodes.closedAt), eq(episodes.contestOpen, false)))
    .returning();
  return row;
}

/** Ends the episode's contest, keeping its target and winner on record; undefined when none was running. */
export async function endEpisodeContest(episodeId: string, db?: Queryable): Promise<Episode | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q
    .update(episodes)
    .set({ contestOpen: false })
    .where(and(eq(episodes.id, episodeId), eq(episodes.contestOpen, true)))
    .returning();
  return row;
}
