import { handleConferenceStatus } from '@/lib/calls/callbacks';
import { handleTwilioCallback } from '@/lib/telephony/webhook-route';
import { conferenceStatusSchema } from '@/lib/telephony/webhook-schemas';

/** Conference status callbacks of every room. */
export function POST(request: Request) {
  return handleTwilioCallback(request, conferenceStatusSchema, async (p) => {
    await handleConferenceStatus({
      conferenceSid: p.ConferenceSid,
      friendlyName: p.FriendlyName,
      event: p.StatusCallbackEvent,
      sequenceNumber: p.SequenceNumber,
      callSid: p.CallSid,
      label: p.ParticipantLabel,
      muted: p.Muted,
      hold: p.Hold,
      reasonParticipantLeft: p.ReasonParticipantLeft,
      timestamp: p.Timestamp,
    });
  });
}
