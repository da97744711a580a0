import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { etagMatches, getBoard } from '@/lib/calls/board';
import { maskBoardForHost } from '@/lib/consoles/console-view';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

/** GET /api/episodes/{id}/board: the episode's calls grouped by state; 304 when the ETag still matches. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['screener', 'host']);
    const { id } = await params;
    const { board, etag: boardEtag } = await getBoard(parseInput(z.uuid(), id));
    // Hosts never receive callers' full numbers; their copy differs, so it carries its own ETag.
    const host = actor.role === 'host';
    const etag = host ? boardEtag.replace(/"$/, '-host"') : boardEtag;
    const headers = { etag, 'cache-control': 'private, no-cache', vary: 'Cookie, Authorization' };
    if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    return Response.json(host ? maskBoardForHost(board) : board, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
