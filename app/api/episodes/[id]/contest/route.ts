import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { closeContest, contestStatus, openContest, openContestSchema } from '@/lib/calls/contest';
import { readJsonBody } from '@/lib/calls/request-body';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

/** GET /api/episodes/{id}/contest: whether a contest runs, its target, how many callers were counted, the winner. */
export async function GET(_request: Request, { params }: Params) {
  try {
    const actor = await requireActor(['producer']);
    const { id } = await params;
    return Response.json({ contest: await contestStatus(actor, parseInput(z.uuid(), id)) });
  } catch (error) {
    return errorResponse(error);
  }
}

/** POST /api/episodes/{id}/contest {target}: open a contest, "caller number {target} wins". */
export async function POST(request: Request, { params }: Params) {
  try {
    const actor = await requireActor(['producer']);
    const { id } = await params;
    const contest = await openContest(actor, parseInput(z.uuid(), id), parseInput(openContestSchema, await readJsonBody(request)));
    return Response.json({ contest }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** DELETE /api/episodes/{id}/contest: close the contest; normal screening resumes. */
export async function DELETE(_request: Request, { params }: Params) {
  try {
    const actor = await requireActor(['producer']);
    const { id } = await params;
    return Response.json({ contest: await closeContest(actor, parseInput(z.uuid(), id)) });
  } catch (error) {
    return errorResponse(error);
  }
}
