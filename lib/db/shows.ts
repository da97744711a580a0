import 'server-only';
import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, queryRows, type Queryable } from './client';
import { UNSCREENED_STATES } from '@/lib/telephony/call-session-machine';
import { callSessions, episodes, shows, type NewShow, type Show } from './schema';

export async function listShows(): Promise<Show[]> {
  const db = await getDb();
  return db.select().from(shows).orderBy(asc(shows.name));
}

/** Every show with whether its lines are open and how many callers wait unscreened in it, in one statement. */
export async function listShowsWithWaiting(): Promise<
  { id: string; name: string; linesOpen: boolean; waiting: number }[]
> {
  const db = await getDb();
  const rows = await db
    .select({
      id: shows.id,
      name: shows.name,
      openEpisodes: sql<number>`count(distinct ${episodes.id}) filter (where ${isNull(episodes.closedAt)})`.mapWith(
        Number,
      ),
      waiting: count(callSessions.id),
    })
    .from(shows)
    .leftJoin(episodes, eq(episodes.showId, shows.id))
    .leftJoin(
      callSessions,
      and(eq(callSessions.episodeId, episodes.id), inArray(callSessions.state, [...UNSCREENED_STATES])),
    )
    .groupBy(shows.id, shows.name)
    .orderBy(asc(shows.name));
  return rows.map(({ openEpisodes, ...row }) => ({ ...row, linesOpen: openEpisodes > 0 }));
}

export async function findShowById(id: string, db?: Queryable): Promise<Show | undefined> {
  const q = db ?? (await getDb());
  const [show] = await q.select().from(shows).where(eq(shows.id, id)).limit(1);
  return show;
}

export async function findShowByPhoneNumber(phoneNumber: string, db?: Queryable): Promise<Show | undefined> {
  const q = db ?? (await getDb());
  const [show] = await q.select().from(shows).where(eq(shows.phoneNumber, phoneNumber)).limit(1);
  return show;
}

export async function insertShow(values: NewShow, db?: Queryable): Promise<Show> {
  const q = db ?? (await getDb());
  const [show] = await q.insert(shows).values(values).returning();
  if (!show) throw new Error('insert returned no row');
  return show;
}

export async function updateShowRow(id: string, values: Partial<NewShow>): Promise<Show | undefined> {
  const db = await getDb();
  const [show] = await db
    .update(shows)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(shows.id, id))
    .returning();
  return show;
}

/**
 * What a console's view of show $1 depends on: every show's console version (the view has a tab per show, with
 * its waiting count) and how many shows there are; null when show $1 does not exist. Reads only show rows.
 */
export const CONSOLE_VERSION_SQL = `(select case when exists (select 1 from shows where id = $1)
  then (select sum(console_version) + count(*) from shows) end)`;

export async function findConsoleVersion(showId: string): Promise<number | null> {
  const [row] = await queryRows(await getDb(), `select ${CONSOLE_VERSION_SQL} as version`, [showId]);
  return row?.version === null || row?.version === undefined ? null : Number(row.version);
}
