import { z } from 'zod';
import { requireActor } from '@/lib/auth/guard';
import { etagMatches } from '@/lib/calls/board';
import { getConsoleView } from '@/lib/consoles/console-data';
import { errorResponse } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

/** GET /api/shows/{id}/console: what the consoles poll (board of the latest episode + chat); 304 when unchanged. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor(['screener', 'host']);
    const { id } = await params;
    const { view, etag } = await getConsoleView(actor, parseInput(z.uuid(), id));
    // Vary on the cookie: a host's (masked) answer must never be served to a screener from a shared cache.
    const headers = { etag, 'cache-control': 'private, no-cache', vary: 'Cookie, Authorization' };
    if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    return Response.json(view, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
