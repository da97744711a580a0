import { requireActor } from '@/lib/auth/guard';
import { readJsonBody } from '@/lib/calls/request-body';
import { errorResponse } from '@/lib/errors';
import { issueToken, issueTokenSchema } from '@/lib/producer/api-tokens';
import { parseInput } from '@/lib/validation/parse';

/** POST /api/tokens {name}: issue an API token for automation; the token is in this answer only. */
export async function POST(request: Request) {
  try {
    const actor = await requireActor(['producer']);
    const issued = await issueToken(actor, parseInput(issueTokenSchema, await readJsonBody(request)));
    return Response.json(issued, { status: 201, headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
