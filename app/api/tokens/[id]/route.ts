import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { revokeToken } from '@/lib/producer/api-tokens';
import { parseInput } from '@/lib/validation/parse';

/** DELETE /api/tokens/{id}: revoke an API token; requests with it are refused from now on. */
export async function DELETE(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['producer']);
    const { id } = await params;
    return Response.json({ token: await revokeToken(actor, parseInput(z.uuid(), id)) });
  } catch (error) {
    return errorResponse(error);
  }
}
