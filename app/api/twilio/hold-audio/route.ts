import { holdAudioFor } from '@/lib/calls/hold-audio';
import { handleTwilioWebhook } from '@/lib/telephony/webhook-route';
import { holdAudioSchema } from '@/lib/telephony/webhook-schemas';

/** Wait and hold audio TwiML: conferences request it by POST (waitUrl), participant holds by GET (HoldUrl). */
function holdAudio(request: Request) {
  return handleTwilioWebhook(request, holdAudioSchema, (p) => holdAudioFor(p.show));
}

export const GET = holdAudio;
export const POST = holdAudio;
