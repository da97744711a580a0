import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { toCallView } from '@/lib/calls/call-view';
import { commandBodySchema, commandNameSchema, runCallCommand } from '@/lib/calls/commands';

/** POST /api/calls/{id}/{command}: pickup, approve, reject, requeue, rescreen, air, to-deck, drop, mute, unmute. */
export const POST = apiRoute(
  {
    access: ACCESS.handleCalls,
    params: z.object({ id: z.uuid(), command: commandNameSchema }),
    body: commandBodySchema,
  },
  async ({ actor, params, body }) =>
    Response.json({ call: toCallView(await runCallCommand(actor, params.id, params.command, body)) }),
);
