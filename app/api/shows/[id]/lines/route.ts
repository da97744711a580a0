import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { closeLines, currentLines, openLines, openLinesSchema } from '@/lib/calls/lines';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.uuid() });

/** GET /api/shows/{id}/lines: the open episode of the show, or null while the lines are closed. */
export const GET = apiRoute({ access: ACCESS.handleCalls, params }, async ({ params }) =>
  Response.json({ episode: await currentLines(params.id) }),
);

/** POST /api/shows/{id}/lines: open the lines (starts an episode). */
export const POST = apiRoute(
  { access: ACCESS.runShows, params, body: openLinesSchema },
  async ({ actor, params, body }) =>
    Response.json({ episode: await openLines(actor, params.id, body) }, { status: 201 }),
);

/** DELETE /api/shows/{id}/lines: close the lines (ends the episode). */
export const DELETE = apiRoute({ access: ACCESS.runShows, params }, async ({ actor, params }) =>
  Response.json({ episode: await closeLines(actor, params.id) }),
);
