import { requireActor } from '@/lib/auth/guard';
import { errorResponse } from '@/lib/errors';
import { reconcileOnce } from '@/lib/calls/reconciler';

/** POST /api/reconcile: compare the calls with Twilio now and repair drift (producers). */
export async function POST() {
  try {
    await requireActor(['producer']);
    return Response.json(await reconcileOnce());
  } catch (error) {
    return errorResponse(error);
  }
}
