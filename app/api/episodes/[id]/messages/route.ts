import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { readJsonBody } from '@/lib/calls/request-body';
import { chatMessageSchema, postChatMessage } from '@/lib/consoles/chat';
import { errorResponse } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';

/** POST /api/episodes/{id}/messages: a chat line between host and screeners; it arrives with the next console poll. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['screener', 'host']);
    const { id } = await params;
    const message = await postChatMessage(actor, parseInput(z.uuid(), id), parseInput(chatMessageSchema, await readJsonBody(request)));
    return Response.json({ message }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
