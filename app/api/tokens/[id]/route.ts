import { z } from 'zod';
import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { revokeToken } from '@/lib/producer/api-tokens';

/** DELETE /api/tokens/{id}: revoke an API token; requests with it are refused from now on. */
export const DELETE = apiRoute(
  { access: ACCESS.manageTokens, params: z.object({ id: z.uuid() }) },
  async ({ actor, params }) => Response.json({ token: await revokeToken(actor, params.id) }),
);
