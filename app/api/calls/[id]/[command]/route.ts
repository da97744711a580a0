import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { toCallView } from '@/lib/calls/call-view';
import { commandBodySchema, commandNameSchema, runCallCommand } from '@/lib/calls/commands';
import { readJsonBody } from '@/lib/calls/request-body';
import { parseInput } from '@/lib/validation/parse';

/** POST /api/calls/{id}/{command}: pickup, approve, reject, requeue, rescreen, air, to-deck, drop, mute, unmute. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; command: string }> }) {
  try {
    const actor = await requireActor(['screener', 'host']);
    const { id, command } = await params;
    const session = await runCallCommand(actor, parseInput(z.uuid(), id), parseInput(commandNameSchema, command), parseInput(commandBodySchema, await readJsonBody(request)));
    return Response.json({ call: toCallView(session) });
  } catch (error) {
    return errorResponse(error);
  }
}
