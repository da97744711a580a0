import { rfc2822 } from '../dates';
import type { ConferenceRecord, ParticipantRecord } from '../types';
import type { Engine } from './context';

/** Conference event name -> the statusCallbackEvent word that subscribes to it. */
const SUBSCRIPTION: Record<string, string> = {
  'conference-start': 'start',
  'conference-end': 'end',
  'participant-join': 'join',
  'participant-leave': 'leave',
  'participant-mute': 'mute',
  'participant-unmute': 'mute',
  'participant-hold': 'hold',
  'participant-unhold': 'hold',
  'participant-modify': 'modify',
  'announcement-end': 'announcement',
  'announcement-fail': 'announcement',
};

function participantFields(participant: ParticipantRecord): Record<string, string> {
  const fields: Record<string, string> = {
    CallSid: participant.callSid,
    Muted: String(participant.muted),
    Hold: String(participant.hold),
    Coaching: String(participant.coaching),
    EndConferenceOnExit: String(participant.endConferenceOnExit),
    StartConferenceOnEnter: String(participant.startConferenceOnEnter),
  };
  if (participant.label !== null) fields.ParticipantLabel = participant.label;
  if (participant.callSidToCoach) fields.CallSidToCoach = participant.callSidToCoach;
  return fields;
}

export function emitConferenceEvent(
  engine: Engine,
  conference: ConferenceRecord,
  event: string,
  participant: ParticipantRecord | null,
  extra: Record<string, string> = {},
): void {
  const callback = conference.statusCallback;
  const subscription = SUBSCRIPTION[event];
  if (!callback || !subscription || !callback.events.includes(subscription)) return;
  const params: Record<string, string> = {
    AccountSid: engine.options.accountSid,
    ConferenceSid: conference.sid,
    FriendlyName: conference.friendlyName,
    StatusCallbackEvent: event,
    Timestamp: rfc2822(Date.now()),
    SequenceNumber: String(conference.sequence++),
    ...(participant ? participantFields(participant) : {}),
    ...extra,
  };
  engine.webhooks.notify({
    kind: 'conference',
    url: callback.url,
    method: callback.method,
    params,
    callSid: participant?.callSid ?? null,
    conferenceSid: conference.sid,
  });
}
