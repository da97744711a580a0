import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { blockCaller, blockInputSchema } from '@/lib/producer/block-list';

/** POST /api/blocks {callId | phoneNumber, reason}: block a caller's number; their next calls are turned away. */
export const POST = apiRoute({ access: ACCESS.manageCallers, body: blockInputSchema }, async ({ actor, body }) =>
  Response.json({ blocked: await blockCaller(actor, body) }, { status: 201 }),
);
