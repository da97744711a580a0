import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from './client';
import { apiTokens, users, type ApiToken, type User } from './schema';

export async function findActiveTokenUser(tokenHash: string): Promise<User | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ user: users, tokenId: apiTokens.id })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return undefined;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return row.user;
}

export async function insertApiToken(values: { name: string; tokenHash: string; userId: string }): Promise<ApiToken> {
  const db = await getDb();
  const [token] = await db.insert(apiTokens).values(values).returning();
  if (!token) throw new Error('insert returned no row');
  return token;
}

export async function listApiTokens(): Promise<ApiToken[]> {
  const db = await getDb();
  return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt));
}

export async function revokeApiToken(id: string): Promise<ApiToken | undefined> {
  const db = await getDb();
  const [token] = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return token;
}
