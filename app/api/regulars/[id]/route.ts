import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { removeRegular } from '@/lib/producer/regulars';

/** DELETE /api/regulars/{callerId}: the number queues like anyone again. */
export const DELETE = apiRoute(
  { access: ACCESS.manageCallers, params: z.object({ id: z.uuid() }) },
  async ({ actor, params }) => Response.json({ removed: await removeRegular(actor, params.id) }),
);
