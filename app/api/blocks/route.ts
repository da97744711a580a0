import { requireActor } from '@/lib/auth/guard';
import { readJsonBody } from '@/lib/calls/request-body';
import { errorResponse } from '@/lib/errors';
import { blockCaller, blockInputSchema } from '@/lib/producer/block-list';
import { parseInput } from '@/lib/validation/parse';

/** POST /api/blocks {callId | phoneNumber, reason}: block a caller's number; their next calls are turned away. */
export async function POST(request: Request) {
  try {
    const actor = await requireActor(['producer']);
    const blocked = await blockCaller(actor, parseInput(blockInputSchema, await readJsonBody(request)));
    return Response.json({ blocked }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
