import { z } from 'zod';
import { closeConnectionAfterPoll, pollConsole } from '@/lib/consoles/console-poll';
import { preferWaitHeader, requestedWaitSeconds } from '@/lib/consoles/held-poll';
import { errorResponse } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';

export const dynamic = 'force-dynamic';

/**
 * GET /api/shows/{id}/console: what every console polls (board of the latest episode + chat). Not apiRoute, on
 * purpose: it reads the signed-in user and the show's console version in one statement, so a poll whose
 * If-None-Match names the current version is answered 304 after that one statement; with `Prefer: wait=N` that
 * answer is held until something changes (lib/consoles/held-poll.ts). Same checks, same errors.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const showId = parseInput(z.uuid(), (await params).id);
    const waitSeconds = requestedWaitSeconds(request.headers.get('prefer'));
    const answer = await pollConsole({
      showId,
      ifNoneMatch: request.headers.get('if-none-match'),
      waitSeconds,
      signal: request.signal,
    });
    const headers = {
      // Vary on the cookie: a host's (masked) answer must never be served to a screener from a shared cache.
      'cache-control': 'private, no-cache',
      vary: 'Cookie, Authorization, Prefer',
      etag: answer.etag,
      ...(answer.held ? { 'preference-applied': preferWaitHeader(waitSeconds) } : {}),
      ...(closeConnectionAfterPoll() ? { connection: 'close' } : {}),
    };
    if (!answer.changed) return new Response(null, { status: 304, headers });
    return Response.json(answer.view, { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
