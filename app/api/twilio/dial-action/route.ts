import { answerPlacementRequest } from '@/lib/calls/placement';
import { handleVoiceWebhook } from '@/lib/telephony/webhook-route';
import { dialActionSchema } from '@/lib/telephony/webhook-schemas';

/** A caller left its conference (Dial action) or was moved by us (redirect): where does it belong now? */
export function POST(request: Request) {
  return handleVoiceWebhook(request, dialActionSchema, (p) =>
    answerPlacementRequest({
      callSid: p.CallSid,
      callStatus: p.CallStatus,
      dialCallStatus: p.DialCallStatus,
      moved: p.moved === '1',
    }),
  );
}
