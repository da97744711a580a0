import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { closeContest, contestStatus, openContest, openContestSchema } from '@/lib/calls/contest';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.uuid() });

/** GET /api/episodes/{id}/contest: whether a contest runs, its target, how many callers were counted, the winner. */
export const GET = apiRoute({ access: ACCESS.runShows, params }, async ({ actor, params }) =>
  Response.json({ contest: await contestStatus(actor, params.id) }),
);

/** POST /api/episodes/{id}/contest {target}: open a contest, "caller number {target} wins". */
export const POST = apiRoute(
  { access: ACCESS.runShows, params, body: openContestSchema },
  async ({ actor, params, body }) =>
    Response.json({ contest: await openContest(actor, params.id, body) }, { status: 201 }),
);

/** DELETE /api/episodes/{id}/contest: close the contest; normal screening resumes. */
export const DELETE = apiRoute({ access: ACCESS.runShows, params }, async ({ actor, params }) =>
  Response.json({ contest: await closeContest(actor, params.id) }),
);
