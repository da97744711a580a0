import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { getDb, type Queryable } from './client';
import { messages, users, type Message } from './schema';
import type { Role } from '@/lib/auth/roles';

export interface MessageRow {
  id: number;
  body: string;
  createdAt: Date;
  authorId: string;
  authorName: string;
  authorRole: Role;
}

export async function insertMessage(
  values: { episodeId: string; authorId: string; body: string },
  db?: Queryable,
): Promise<Message> {
  const q = db ?? (await getDb());
  const [row] = await q.insert(messages).values(values).returning();
  if (!row) throw new Error('insert into messages returned no row');
  return row;
}

/** The latest `limit` messages of an episode, oldest first (the order a chat reads). */
export async function listRecentMessages(episodeId: string, limit: number, db?: Queryable): Promise<MessageRow[]> {
  const q = db ?? (await getDb());
  const rows = await q
    .select({
      id: messages.id,
      body: messages.body,
      createdAt: messages.createdAt,
      authorId: users.id,
      authorName: users.name,
      authorRole: users.role,
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.authorId))
    .where(eq(messages.episodeId, episodeId))
    .orderBy(desc(messages.id))
    .limit(limit);
  return rows.reverse();
}
