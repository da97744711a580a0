import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { issueVoiceToken } from '@/lib/calls/voice-token';

export const dynamic = 'force-dynamic';

/** POST /api/voice-token: a short-lived Voice AccessToken for this host's, screener's or producer's browser. */
export async function POST() {
  try {
    const actor = await requireActor(['host', 'screener']);
    return Response.json(await issueVoiceToken(actor), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
