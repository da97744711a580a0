import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Queryable } from './client';
import { callers, users, type Caller } from './schema';

export interface BlockedCallerRow {
  id: string;
  phoneNumber: string;
  name: string | null;
  reason: string | null;
  blockedAt: Date | null;
  blockedByName: string | null;
}

/** Blocks a number: the door reads callers.blocked and turns its next calls away. The caller row is made if new. */
export async function blockNumber(
  phoneNumber: string,
  reason: string,
  blockedBy: string,
  db?: Queryable,
): Promise<Caller> {
  const q = db ?? (await getDb());
  const now = new Date();
  const [row] = await q
    .insert(callers)
    .values({ phoneNumber, blocked: true, blockedReason: reason, blockedAt: now, blockedBy })
    .onConflictDoUpdate({
      target: callers.phoneNumber,
      set: { blocked: true, blockedReason: reason, blockedAt: now, blockedBy, updatedAt: now },
    })
    .returning();
  if (!row) throw new Error('blocking returned no caller row');
  return row;
}

export async function unblockCaller(callerId: string, db?: Queryable): Promise<Caller | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q
    .update(callers)
    .set({ blocked: false, blockedReason: null, blockedAt: null, blockedBy: null, updatedAt: new Date() })
    .where(eq(callers.id, callerId))
    .returning();
  return row;
}

export async function listBlockedCallers(db?: Queryable): Promise<BlockedCallerRow[]> {
  const q = db ?? (await getDb());
  return q
    .select({
      id: callers.id,
      phoneNumber: callers.phoneNumber,
      name: callers.name,
      reason: callers.blockedReason,
      blockedAt: callers.blockedAt,
      blockedByName: users.name,
    })
    .from(callers)
    .leftJoin(users, eq(users.id, callers.blockedBy))
    .where(eq(callers.blocked, true))
    .orderBy(desc(callers.blockedAt));
}
