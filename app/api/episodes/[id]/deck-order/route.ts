import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { deckOrderSchema, reorderDeck } from '@/lib/calls/deck-order';
import { readJsonBody } from '@/lib/calls/request-body';
import { errorResponse } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';

/** PUT /api/episodes/{id}/deck-order {order: [callId, ...]}: the host (or a producer) reorders the callers on deck. */
export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['host']);
    const { id } = await params;
    const order = await reorderDeck(actor, parseInput(z.uuid(), id), parseInput(deckOrderSchema, await readJsonBody(request)));
    return Response.json({ order });
  } catch (error) {
    return errorResponse(error);
  }
}
