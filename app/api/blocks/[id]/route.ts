import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { removeBlock } from '@/lib/producer/block-list';

/** DELETE /api/blocks/{callerId}: lift a block. */
export const DELETE = apiRoute(
  { access: ACCESS.manageCallers, params: z.object({ id: z.uuid() }) },
  async ({ actor, params }) => Response.json({ unblocked: await removeBlock(actor, params.id) }),
);
