import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { etagMatches, getBoard } from '@/lib/calls/board';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

/** GET /api/episodes/{id}/board: the episode's calls grouped by state; 304 when the ETag still matches. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    await requireActor(['screener', 'host']);
    const { id } = await params;
    const { board, etag } = await getBoard(parseInput(z.uuid(), id));
    const headers = { etag, 'cache-control': 'private, no-cache' };
    if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    return Response.json(board, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
