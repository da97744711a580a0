import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { findEpisodeById } from '@/lib/db/episodes';
import { insertMessage } from '@/lib/db/messages';
import { AppError } from '@/lib/errors';

export const chatMessageSchema = z
  .object({ body: z.string().trim().min(1, 'Write a message first.').max(500, 'Keep a message under 500 characters.') })
  .strict();

/** Hosts, screeners and producers talk during an episode; the chat belongs to the episode. */
export async function postChatMessage(actor: Actor, episodeId: string, input: z.infer<typeof chatMessageSchema>) {
  assertAccess(actor, ACCESS.chat);
  const episode = await findEpisodeById(episodeId);
  if (!episode) throw new AppError('not_found:episode', 'That episode was not found.');
  const message = await insertMessage({ episodeId, authorId: actor.id, body: input.body });
  return { id: message.id, body: message.body, createdAt: message.createdAt.toISOString() };
}
