import 'server-only';
import { asc, eq, isNotNull } from 'drizzle-orm';
import { getDb, type Queryable } from './client';
import { callers, users, type Caller } from './schema';

export interface RegularRow {
  id: string;
  phoneNumber: string;
  name: string | null;
  note: string | null;
  since: Date | null;
  until: Date | null;
  markedByName: string | null;
  callCount: number;
  airedCount: number;
  lastCallAt: Date | null;
}

/** Marks a number as a trusted regular (again: a new note and expiry replace the old). The caller row is made if new. */
export async function markRegular(
  phoneNumber: string,
  details: { note: string | null; until: Date | null },
  markedBy: string,
  db?: Queryable,
): Promise<Caller> {
  const q = db ?? (await getDb());
  const now = new Date();
  const values = { regularSince: now, regularUntil: details.until, regularNote: details.note, regularBy: markedBy };
  const [row] = await q
    .insert(callers)
    .values({ phoneNumber, ...values })
    .onConflictDoUpdate({ target: callers.phoneNumber, set: { ...values, updatedAt: now } })
    .returning();
  if (!row) throw new Error('marking a regular returned no caller row');
  return row;
}

export async function unmarkRegular(callerId: string, db?: Queryable): Promise<Caller | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q
    .update(callers)
    .set({ regularSince: null, regularUntil: null, regularNote: null, regularBy: null, updatedAt: new Date() })
    .where(eq(callers.id, callerId))
    .returning();
  return row;
}

/** Every number marked as a regular, expired ones included (the page says so), by phone number. */
export async function listRegulars(db?: Queryable): Promise<RegularRow[]> {
  const q = db ?? (await getDb());
  return q
    .select({
      id: callers.id,
      phoneNumber: callers.phoneNumber,
      name: callers.name,
      note: callers.regularNote,
      since: callers.regularSince,
      until: callers.regularUntil,
      markedByName: users.name,
      callCount: callers.callCount,
      airedCount: callers.airedCount,
      lastCallAt: callers.lastCallAt,
    })
    .from(callers)
    .leftJoin(users, eq(users.id, callers.regularBy))
    .where(isNotNull(callers.regularSince))
    .orderBy(asc(callers.phoneNumber));
}
