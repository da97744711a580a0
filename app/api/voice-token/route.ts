import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { issueVoiceToken } from '@/lib/calls/voice-token';

export const dynamic = 'force-dynamic';

/** POST /api/voice-token: a short-lived Voice AccessToken for this host's, screener's or producer's browser. */
export const POST = apiRoute({ access: ACCESS.handleCalls }, async ({ actor }) =>
  Response.json(await issueVoiceToken(actor), { headers: { 'cache-control': 'no-store' } }),
);
