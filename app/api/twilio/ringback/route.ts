import { answerRingback } from '@/lib/calls/ringback';
import { handleVoiceWebhook } from '@/lib/telephony/webhook-route';
import { ringbackSchema } from '@/lib/telephony/webhook-schemas';

/** A ringback was answered: the caller goes to the screener who picked them up. */
export function POST(request: Request) {
  return handleVoiceWebhook(request, ringbackSchema, (p) =>
    answerRingback({ sessionId: p.session, attempt: p.attempt }, p.CallSid),
  );
}
