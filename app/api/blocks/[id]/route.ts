import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { removeBlock } from '@/lib/producer/block-list';
import { parseInput } from '@/lib/validation/parse';

/** DELETE /api/blocks/{callerId}: lift a block. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['producer']);
    const { id } = await params;
    return Response.json({ unblocked: await removeBlock(actor, parseInput(z.uuid(), id)) });
  } catch (error) {
    return errorResponse(error);
  }
}
