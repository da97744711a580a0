import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { getDb } from '@/lib/db/client';
import { lockDeck, writeDeckPositions } from '@/lib/db/deck-order';
import { findEpisodeById } from '@/lib/db/episodes';
import { AppError } from '@/lib/errors';
import { requestCues } from './cues';

export const deckOrderSchema = z
  .object({ order: z.array(z.uuid()).min(1, 'Say which callers go in which order.').max(200) })
  .strict()
  .refine((input) => new Set(input.order).size === input.order.length, {
    message: 'A caller appears twice in the order.',
    path: ['order'],
  });

/** The whole deck with the named callers put, in the given order, into the places they held. */
export function mergeDeckOrder(current: readonly string[], wanted: readonly string[]): string[] {
  const named = new Set(wanted);
  const queue = [...wanted];
  return current.map((id) => (named.has(id) ? (queue.shift() ?? id) : id));
}

/**
 * Reorders the callers on deck. The order may name a subset (a console's view can be a second old): they take
 * the places they held, in the order given, and everyone else keeps their place. The whole deck is renumbered
 * 1..n; a caller approved later gets a timestamp position and so joins at the end.
 */
export async function reorderDeck(
  actor: Actor,
  episodeId: string,
  input: z.infer<typeof deckOrderSchema>,
): Promise<string[]> {
  assertAccess(actor, ACCESS.arrangeDeck);
  if (!(await findEpisodeById(episodeId))) throw new AppError('not_found:episode', 'That episode was not found.');
  const db = await getDb();
  const order = await db.transaction(async (tx) => {
    const deck = (await lockDeck(episodeId, tx)).map((row) => row.id);
    const present = new Set(deck);
    if (input.order.some((id) => !present.has(id))) {
      throw new AppError(
        'conflict:call_state',
        'A caller in that order is no longer on deck. The deck has been refreshed; try again.',
      );
    }
    const order = mergeDeckOrder(deck, input.order);
    await writeDeckPositions(new Map(order.map((id, i) => [id, i + 1])), tx);
    return order;
  });
  // The first on deck may have changed: they hear "you're next".
  requestCues(episodeId);
  return order;
}
