import 'server-only';
import { and, count, eq, ne } from 'drizzle-orm';
import { getDb } from './client';
import { users } from './schema';

/** Active producers other than the one given. */
export async function countActiveProducers(exceptId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'producer'), eq(users.disabled, false), ne(users.id, exceptId)));
  return row?.n ?? 0;
}
