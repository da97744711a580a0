import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { closeLines, currentLines, openLines, openLinesSchema } from '@/lib/calls/lines';
import { readJsonBody } from '@/lib/calls/request-body';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

/** GET /api/shows/{id}/lines: the open episode of the show, or null while the lines are closed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireActor(['screener', 'host']);
    const { id } = await params;
    return Response.json({ episode: await currentLines(parseInput(z.uuid(), id)) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** POST /api/shows/{id}/lines: open the lines (starts an episode). */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['producer']);
    const { id } = await params;
    const episode = await openLines(actor, parseInput(z.uuid(), id), parseInput(openLinesSchema, await readJsonBody(request)));
    return Response.json({ episode }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** DELETE /api/shows/{id}/lines: close the lines (ends the episode). */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['producer']);
    const { id } = await params;
    return Response.json({ episode: await closeLines(actor, parseInput(z.uuid(), id)) });
  } catch (error) {
    return errorResponse(error);
  }
}
