import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { issueToken, issueTokenSchema } from '@/lib/producer/api-tokens';

/** POST /api/tokens {name}: issue an API token for automation; the token is in this answer only. */
export const POST = apiRoute({ access: ACCESS.manageTokens, body: issueTokenSchema }, async ({ actor, body }) =>
  Response.json(await issueToken(actor, body), { status: 201, headers: { 'cache-control': 'no-store' } }),
);
