import 'server-only';
import { asc, count, eq, lt, sql } from 'drizzle-orm';
import { getDb, mapRow, queryRows, type Queryable } from './client';
import { CONSOLE_VERSION_SQL } from './shows';
import { revokedSessions, users, type NewUser, type User } from './schema';

export type PublicUser = Omit<User, 'passwordHash'>;

export function toPublicUser(user: User): PublicUser {
  const { passwordHash: _hidden, ...rest } = user;
  return rest;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string, db?: Queryable): Promise<User | undefined> {
  const q = db ?? (await getDb());
  const [user] = await q
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return user;
}

export async function findUserById(id: string, db?: Queryable): Promise<User | undefined> {
  const q = db ?? (await getDb());
  const [user] = await q.select().from(users).where(eq(users.id, id)).limit(1);
  return user;
}

export async function listUsers(): Promise<PublicUser[]> {
  const db = await getDb();
  const rows = await db.select().from(users).orderBy(asc(users.role), asc(users.name));
  return rows.map(toPublicUser);
}

export async function countUsers(db?: Queryable): Promise<number> {
  const q = db ?? (await getDb());
  const [row] = await q.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/** Inserts a user; answers undefined when the email is taken. */
export async function insertUser(values: NewUser, db?: Queryable): Promise<User | undefined> {
  const q = db ?? (await getDb());
  const [user] = await q
    .insert(users)
    .values({ ...values, email: normaliseEmail(values.email) })
    .onConflictDoNothing({ target: users.email })
    .returning();
  return user;
}

export async function updateUser(
  id: string,
  changes: Partial<Pick<User, 'name' | 'role' | 'disabled' | 'passwordHash' | 'shortcutsEnabled'>>,
): Promise<User | undefined> {
  const db = await getDb();
  // A new password or a disabled account ends the sessions signed in before, in the same statement.
  const revokes = changes.passwordHash !== undefined || changes.disabled === true;
  const [user] = await db
    .update(users)
    .set({ ...changes, ...(revokes ? { sessionEpoch: sql`${users.sessionEpoch} + 1` } : {}), updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return user;
}

/** The user a session cookie names, and whether that very session was signed out, in one query. */
export async function findSessionUser(
  userId: string,
  sessionId: string,
): Promise<{ user: User; signedOut: boolean } | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({
      user: users,
      signedOut: sql<boolean>`exists (select 1 from ${revokedSessions} where ${revokedSessions.sessionId} = ${sessionId})`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

// One prepared statement: the whole cost of a console poll that finds nothing new.
const SESSION_USER_WITH_CONSOLE_VERSION = `
select u.*,
       exists (select 1 from revoked_sessions r where r.session_id = $2) as signed_out_session,
       ${CONSOLE_VERSION_SQL.replace('$1', '$3')} as console_version_of_show
  from users u where u.id = $1`;

/**
 * findSessionUser, with a show's console version read in the same statement (null when there is no such show):
 * what a console poll needs before it can answer 304.
 */
export async function findSessionUserWithConsoleVersion(
  userId: string,
  sessionId: string,
  showId: string,
): Promise<{ user: User; signedOut: boolean; consoleVersion: number | null } | undefined> {
  const [row] = await queryRows(await getDb(), SESSION_USER_WITH_CONSOLE_VERSION, [userId, sessionId, showId]);
  if (!row) return undefined;
  const version = row.console_version_of_show;
  return {
    user: mapRow(users, row),
    signedOut: row.signed_out_session === true,
    consoleVersion: version === null || version === undefined ? null : Number(version),
  };
}

/** Signs one session out for good: its cookie, and any copy of it, stops working before it expires. */
export async function revokeSession(sessionId: string, until: Date): Promise<void> {
  const db = await getDb();
  await db.insert(revokedSessions).values({ sessionId, expiresAt: until }).onConflictDoNothing();
  await db.delete(revokedSessions).where(lt(revokedSessions.expiresAt, new Date()));
}
