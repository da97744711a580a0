import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { cardPatchSchema, updateCallCard } from '@/lib/calls/card';
import { toCallView } from '@/lib/calls/call-view';

/** PATCH /api/calls/{id}/card: edit the caller card. */
export const PATCH = apiRoute(
  { access: ACCESS.handleCalls, params: z.object({ id: z.uuid() }), body: cardPatchSchema },
  async ({ actor, params, body }) => Response.json({ call: toCallView(await updateCallCard(actor, params.id, body)) }),
);
