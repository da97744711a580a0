import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { deckOrderSchema, reorderDeck } from '@/lib/calls/deck-order';

/** PUT /api/episodes/{id}/deck-order {order: [callId, ...]}: the host (or a producer) reorders the callers on deck. */
export const PUT = apiRoute(
  { access: ACCESS.arrangeDeck, params: z.object({ id: z.uuid() }), body: deckOrderSchema },
  async ({ actor, params, body }) => Response.json({ order: await reorderDeck(actor, params.id, body) }),
);
