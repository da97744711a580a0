import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb, type Queryable } from './client';
import { shows, type NewShow, type Show } from './schema';

export async function listShows(): Promise<Show[]> {
  const db = await getDb();
  return db.select().from(shows).orderBy(asc(shows.name));
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
