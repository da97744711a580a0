import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, requireActorWithConsoleVersion } from '@/lib/auth/guard';
import { getConsoleView } from '@/lib/consoles/console-data';
import { consoleEtag, etagMatches } from '@/lib/consoles/etag';
import { AppError, errorResponse } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

/**
 * GET /api/shows/{id}/console: what every console polls (board of the latest episode + chat). Not apiRoute, on
 * purpose: it reads the signed-in user and the show's console version in one statement, so a poll whose
 * If-None-Match names the current version is answered 304 after that one statement. Same checks, same errors.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const showId = parseInput(z.uuid(), (await params).id);
    const { actor, consoleVersion } = await requireActorWithConsoleVersion(showId);
    assertAccess(actor, ACCESS.handleCalls);
    if (consoleVersion === null) throw new AppError('not_found:show', 'That show was not found.');
    // Vary on the cookie: a host's (masked) answer must never be served to a screener from a shared cache.
    const cacheHeaders = { 'cache-control': 'private, no-cache', vary: 'Cookie, Authorization' };
    const current = consoleEtag(consoleVersion, actor);
    if (etagMatches(request.headers.get('if-none-match'), current))
      return new Response(null, { status: 304, headers: { ...cacheHeaders, etag: current } });
    const { view, etag } = await getConsoleView(actor, showId);
    return Response.json(view, { headers: { ...cacheHeaders, etag } });
  } catch (error) {
    return errorResponse(error);
  }
}
