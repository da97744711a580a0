import { answerCallbackChoice } from '@/lib/calls/callback-choice';
import { handleVoiceWebhook } from '@/lib/telephony/webhook-route';
import { callbackChoiceSchema } from '@/lib/telephony/webhook-schemas';

/** The callback menu's Gather action: the key a waiting caller pressed after star. */
export function POST(request: Request) {
  return handleVoiceWebhook(request, callbackChoiceSchema, (p) =>
    answerCallbackChoice({ callSid: p.CallSid, digits: p.Digits }),
  );
}
