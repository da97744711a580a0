import 'server-only';
import { and, count, eq, gte, inArray } from 'drizzle-orm';
import { getDb } from './client';
import { loginAttempts } from './schema';

export async function recordLoginFailure(keys: string[]): Promise<void> {
  const db = await getDb();
  await db.insert(loginAttempts).values(keys.map((key) => ({ key })));
}

/** Failures per key since the given moment. */
export async function countLoginFailures(keys: string[], since: Date): Promise<Map<string, number>> {
  const db = await getDb();
  const rows = await db
    .select({ key: loginAttempts.key, n: count() })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), gte(loginAttempts.createdAt, since)))
    .groupBy(loginAttempts.key);
  return new Map(rows.map((row) => [row.key, row.n]));
}

export async function clearLoginFailures(key: string): Promise<void> {
  const db = await getDb();
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
