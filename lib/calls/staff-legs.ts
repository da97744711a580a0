import 'server-only';
import { listStaffCallSids } from '@/lib/db/call-events';
import { logProblem } from '@/lib/log';
import { hangUpCall, isCallGone } from '@/lib/telephony/twilio-actions';
import { requeueAfterScreenerLeft } from './screener-left';

/** A browser's call lasts no longer than the session that fetched its access token. */
const STAFF_LEG_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/**
 * Someone who may no longer take part (disabled): each of their browsers' calls still live is hung up, and
 * the caller they were screening goes back to the queue at once, without waiting for Twilio's callbacks.
 * Answers the calls it hung up.
 */
export async function releaseStaffMember(userId: string, reason: string): Promise<string[]> {
  const ended: string[] = [];
  for (const callSid of await listStaffCallSids(userId, new Date(Date.now() - STAFF_LEG_LOOKBACK_MS))) {
    try {
      if (await isCallGone(callSid)) continue;
      await hangUpCall(callSid);
      ended.push(callSid);
    } catch (error) {
      // The reconciler finds a screener gone from their room; a leg that could not be hung up is logged.
      logProblem(
        'warn',
        'calls',
        `could not end the browser call ${callSid} of a released staff member:`,
        error instanceof Error ? error.message : error,
      );
    }
  }
  await requeueAfterScreenerLeft(userId, reason, { evenIfStillThere: true });
  return ended;
}
