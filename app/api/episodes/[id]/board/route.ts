import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { etagMatches, getBoard } from '@/lib/calls/board';
import { maskBoardForHost } from '@/lib/consoles/console-view';

export const dynamic = 'force-dynamic';

/** GET /api/episodes/{id}/board: the episode's calls grouped by state; 304 when the ETag still matches. */
export const GET = apiRoute({ access: ACCESS.handleCalls, params: z.object({ id: z.uuid() }) }, async ({ actor, params, request }) => {
  const { board, etag: boardEtag } = await getBoard(params.id);
  // Hosts never receive callers' full numbers; their copy differs, so it carries its own ETag.
  const host = actor.role === 'host';
  const etag = host ? boardEtag.replace(/"$/, '-host"') : boardEtag;
  const headers = { etag, 'cache-control': 'private, no-cache', vary: 'Cookie, Authorization' };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return Response.json(host ? maskBoardForHost(board) : board, { headers });
});
