import { answerDeviceConnect } from '@/lib/calls/device';
import { handleVoiceWebhook } from '@/lib/telephony/webhook-route';
import { deviceSchema } from '@/lib/telephony/webhook-schemas';

/** The TwiML App's voice URL: a staff browser connects and is put in the room its role allows. */
export function POST(request: Request) {
  return handleVoiceWebhook(request, deviceSchema, (p) =>
    answerDeviceConnect({ callSid: p.CallSid, from: p.From, room: p.room, episodeId: p.episodeId }),
  );
}
