import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { cardPatchSchema, updateCallCard } from '@/lib/calls/card';
import { toCallView } from '@/lib/calls/call-view';
import { readJsonBody } from '@/lib/calls/request-body';
import { parseInput } from '@/lib/validation/parse';

/** PATCH /api/calls/{id}/card: edit the caller card. */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['screener', 'host']);
    const { id } = await params;
    const session = await updateCallCard(actor, parseInput(z.uuid(), id), parseInput(cardPatchSchema, await readJsonBody(request)));
    return Response.json({ call: toCallView(session) });
  } catch (error) {
    return errorResponse(error);
  }
}
