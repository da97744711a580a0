import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb, type Queryable } from './client';
import { callers, type Caller } from './schema';

export async function recordCallerAired(callerId: string, at: Date, tx: Queryable): Promise<void> {
  await tx
    .update(callers)
    .set({ airedCount: sql`${callers.airedCount} + 1`, lastAiredAt: at, updatedAt: at })
    .where(eq(callers.id, callerId));
}

/** What the screener learned, kept for the caller's next call. */
export async function rememberCallerDetails(
  callerId: string,
  details: { name?: string | null; location?: string | null },
  db?: Queryable,
): Promise<void> {
  const q = db ?? (await getDb());
  const set: Partial<Pick<Caller, 'name' | 'location'>> = {};
  if (details.name) set.name = details.name;
  if (details.location) set.location = details.location;
  if (Object.keys(set).length === 0) return;
  await q
    .update(callers)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(callers.id, callerId));
}
