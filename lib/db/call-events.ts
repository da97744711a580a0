import 'server-only';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { getDb, type Queryable } from './client';
import { callEvents, type CallEvent, type NewCallEvent } from './schema';

/** Appends an event; answers undefined when its dedupe key was already recorded (a redelivered callback). */
export async function insertCallEvent(values: NewCallEvent, db?: Queryable): Promise<CallEvent | undefined> {
  const q = db ?? (await getDb());
  const [row] = await q
    .insert(callEvents)
    .values(values)
    .onConflictDoNothing({ target: callEvents.dedupeKey })
    .returning();
  return row;
}

export async function hasDedupeKey(dedupeKey: string, db?: Queryable): Promise<boolean> {
  const q = db ?? (await getDb());
  const [row] = await q
    .select({ id: callEvents.id })
    .from(callEvents)
    .where(eq(callEvents.dedupeKey, dedupeKey))
    .limit(1);
  return Boolean(row);
}

export async function listSessionEvents(sessionId: string, db?: Queryable): Promise<CallEvent[]> {
  const q = db ?? (await getDb());
  return q.select().from(callEvents).where(eq(callEvents.sessionId, sessionId)).orderBy(asc(callEvents.id));
}

/**
 * The highest conference SequenceNumber recorded for this call in this conference: a participant event older
 * than it describes a past the call has already left.
 */
export async function latestConferenceSequence(
  callSid: string,
  conferenceSid: string,
  db?: Queryable,
): Promise<number | null> {
  const q = db ?? (await getDb());
  const [row] = await q
    .select({ seq: sql<number | null>`max((${callEvents.detail}->>'sequence')::int)` })
    .from(callEvents)
    .where(and(eq(callEvents.callSid, callSid), sql`${callEvents.detail}->>'conferenceSid' = ${conferenceSid}`));
  return row?.seq ?? null;
}

/** The calls a staff member's browsers made since the given moment (each connect records one event). */
export async function listStaffCallSids(userId: string, since: Date, db?: Queryable): Promise<string[]> {
  const q = db ?? (await getDb());
  const rows = await q
    .selectDistinct({ callSid: callEvents.callSid })
    .from(callEvents)
    .where(
      and(eq(callEvents.actorId, userId), eq(callEvents.name, 'staff_connected'), gte(callEvents.createdAt, since)),
    );
  return rows.map((row) => row.callSid).filter((sid): sid is string => Boolean(sid));
}
