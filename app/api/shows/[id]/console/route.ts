import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { etagMatches } from '@/lib/calls/board';
import { getConsoleView } from '@/lib/consoles/console-data';

export const dynamic = 'force-dynamic';

/** GET /api/shows/{id}/console: what the consoles poll (board of the latest episode + chat); 304 when unchanged. */
export const GET = apiRoute({ access: ACCESS.handleCalls, params: z.object({ id: z.uuid() }) }, async ({ actor, params, request }) => {
  const { view, etag } = await getConsoleView(actor, params.id);
  // Vary on the cookie: a host's (masked) answer must never be served to a screener from a shared cache.
  const headers = { etag, 'cache-control': 'private, no-cache', vary: 'Cookie, Authorization' };
  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return Response.json(view, { headers });
});
