import { TwilioApiError } from '../errors';
import type { CallbackConfig, CallRecord, ConferenceRecord, HttpMethod, ParticipantRecord } from '../types';
import { syncBackground } from './background-audio';
import { conferenceCallback, findOrCreateConference } from './conference-create';
import { emitConferenceEvent } from './conference-events';
import { addParticipant, checkCanJoin, connectParticipant, type JoinSettings } from './conference-join';
import { leaveConference } from './conference-leave';
import type { Engine } from './context';
import { createCall } from './create-call';
import { refreshConferenceHearing } from './hearing';
import { placeCall } from './outbound';

export interface ParticipantCreate {
  from: string;
  to: string;
  timeoutSeconds: number;
  settings: JoinSettings;
  callStatusCallback: CallbackConfig | null;
  conferenceCallback: { url: string | null; method: HttpMethod; events: string[] };
  maxParticipants: number;
}

/** Participants API create: dials out and joins the answered call; an unknown FriendlyName creates the conference. */
export function createParticipant(
  engine: Engine,
  conferenceKey: string,
  spec: ParticipantCreate,
): { call: CallRecord; participant: ParticipantRecord } {
  const byName = engine.store.liveConferenceByName(conferenceKey);
  const bySid = engine.store.conferences.get(conferenceKey);
  if (bySid && bySid.status === 'completed') throw new TwilioApiError(400, 21220, 'Conference is completed');
  let conference: ConferenceRecord | undefined = bySid ?? byName;
  if (conference) {
    const refusal = checkCanJoin(engine, conference, spec.settings.label);
    if (refusal) throw new TwilioApiError(400, refusal.code, refusal.message);
  }
  if (!conference && /^CF[0-9a-f]{32}$/.test(conferenceKey))
    throw new TwilioApiError(404, 20404, `Conference ${conferenceKey} not found`);
  const cb = spec.conferenceCallback;
  conference ??= findOrCreateConference(
    engine,
    conferenceKey,
    conferenceCallback(cb.url, cb.method, cb.events),
    spec.maxParticipants,
  );
  const call = createCall(engine, {
    from: spec.from,
    to: spec.to,
    direction: 'outbound-api',
    status: 'queued',
    statusCallback: spec.callStatusCallback,
  });
  const participant = addParticipant(engine, conference, call, spec.settings, 'queued');
  void placeCall(engine, call, spec.timeoutSeconds, () => connectParticipant(engine, participant));
  return { call, participant };
}

export interface ParticipantChanges {
  muted?: boolean;
  hold?: boolean;
  holdUrl?: string;
  holdMethod?: HttpMethod;
  announceUrl?: string;
  waitUrl?: string;
  waitMethod?: HttpMethod;
  endConferenceOnExit?: boolean;
  beepOnExit?: boolean;
  coaching?: boolean;
  callSidToCoach?: string;
}

export function updateParticipant(engine: Engine, participant: ParticipantRecord, changes: ParticipantChanges): void {
  const conference = engine.store.conferences.get(participant.conferenceSid);
  if (!conference) return;
  const now = Date.now();
  if (changes.holdUrl !== undefined) participant.holdUrl = changes.holdUrl;
  if (changes.holdMethod !== undefined) participant.holdMethod = changes.holdMethod;
  if (changes.waitUrl !== undefined) participant.waitUrl = changes.waitUrl;
  if (changes.waitMethod !== undefined) participant.waitMethod = changes.waitMethod;
  let modified = false;
  if (changes.endConferenceOnExit !== undefined && changes.endConferenceOnExit !== participant.endConferenceOnExit) {
    participant.endConferenceOnExit = changes.endConferenceOnExit;
    modified = true;
  }
  if (changes.coaching !== undefined && changes.coaching !== participant.coaching) {
    participant.coaching = changes.coaching;
    modified = true;
  }
  if (changes.callSidToCoach !== undefined && changes.callSidToCoach !== participant.callSidToCoach) {
    participant.callSidToCoach = changes.callSidToCoach;
    modified = true;
  }
  participant.dateUpdated = now;
  if (changes.muted !== undefined && changes.muted !== participant.muted) {
    participant.muted = changes.muted;
    emitConferenceEvent(engine, conference, changes.muted ? 'participant-mute' : 'participant-unmute', participant);
  }
  if (changes.hold !== undefined && changes.hold !== participant.hold) {
    participant.hold = changes.hold;
    emitConferenceEvent(engine, conference, changes.hold ? 'participant-hold' : 'participant-unhold', participant);
  }
  if (modified) emitConferenceEvent(engine, conference, 'participant-modify', participant);
  syncBackground(engine, participant);
  refreshConferenceHearing(engine, conference.sid);
}

/** Participants API delete: the call leaves; a <Dial> call goes on to its action or next verb. */
export function removeParticipant(engine: Engine, participant: ParticipantRecord): void {
  leaveConference(engine, participant.callSid, 'participant_updated_via_api');
}
