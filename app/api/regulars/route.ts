import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { addRegular, regularInputSchema, regularsList } from '@/lib/producer/regulars';

/** GET /api/regulars: every number marked as a regular, with note, expiry and call counts. */
export const GET = apiRoute({ access: ACCESS.manageCallers }, async ({ actor }) =>
  Response.json({ regulars: await regularsList(actor) }),
);

/** POST /api/regulars {phoneNumber, note?, until?}: their calls go to the front of the queue, with a badge. */
export const POST = apiRoute({ access: ACCESS.manageCallers, body: regularInputSchema }, async ({ actor, body }) =>
  Response.json({ regular: await addRegular(actor, body) }, { status: 201 }),
);
