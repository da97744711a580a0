import { answerIncomingCallWithin } from '@/lib/calls/door';
import { handleVoiceWebhook } from '@/lib/telephony/webhook-route';
import { voiceSchema } from '@/lib/telephony/webhook-schemas';

/** A call rings a show number. */
export function POST(request: Request) {
  return handleVoiceWebhook(request, voiceSchema, (p) =>
    answerIncomingCallWithin({ callSid: p.CallSid, from: p.From, to: p.To }),
  );
}
