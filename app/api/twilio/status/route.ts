import { handleCallStatus } from '@/lib/calls/callbacks';
import { handleTwilioCallback } from '@/lib/telephony/webhook-route';
import { callStatusSchema } from '@/lib/telephony/webhook-schemas';

/** Call status callbacks of the show numbers' calls. */
export function POST(request: Request) {
  return handleTwilioCallback(request, callStatusSchema, async (p) => {
    await handleCallStatus({
      callSid: p.CallSid,
      callStatus: p.CallStatus,
      sequenceNumber: p.SequenceNumber ?? null,
      timestamp: p.Timestamp,
      callDuration: p.CallDuration,
      ringback: p.session && p.attempt !== undefined ? { sessionId: p.session, attempt: p.attempt } : undefined,
    });
  });
}
