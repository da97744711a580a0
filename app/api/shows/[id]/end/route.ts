import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { endShow } from '@/lib/calls/end-show';

export const dynamic = 'force-dynamic';

const params = z.object({ id: z.uuid() });
const body = z.object({}).strict();

/** POST /api/shows/{id}/end: end the show; the lines close and every caller still in the episode hears goodbye. */
export const POST = apiRoute({ access: ACCESS.endShow, params, body }, async ({ actor, params }) => {
  const { episode, released } = await endShow(actor, params.id);
  return Response.json({ episode, released: released.length });
});
