import { apiRoute } from '@/lib/api-route';
import { ACCESS } from '@/lib/auth/access';
import { reconcileOnce } from '@/lib/calls/reconciler';

/** POST /api/reconcile: compare the calls with Twilio now and repair drift (producers). */
export const POST = apiRoute({ access: ACCESS.reconcile }, async () => Response.json(await reconcileOnce()));
