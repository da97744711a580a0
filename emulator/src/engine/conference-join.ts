import type { CallRecord, ConferenceRecord, HttpMethod, ParticipantRecord } from '../types';
import { syncBackground } from './background-audio';
import { emitConferenceEvent } from './conference-events';
import type { Engine } from './context';
import { refreshConferenceHearing } from './hearing';

export interface JoinSettings {
  label: string | null;
  muted: boolean;
  beep: string;
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  waitUrl: string | null;
  waitMethod: HttpMethod;
  coaching: boolean;
  callSidToCoach: string | null;
  hangupOnStar: boolean;
}

export interface JoinRefusal {
  code: number;
  message: string;
}

export function checkCanJoin(engine: Engine, conference: ConferenceRecord, label: string | null): JoinRefusal | null {
  const present = engine.store.participantsOf(conference);
  if (present.length >= conference.maxParticipants) {
    return { code: 16020, message: `Conference ${conference.friendlyName} is full (${conference.maxParticipants})` };
  }
  if (label !== null && present.some((p) => p.label === label)) {
    return { code: 16025, message: `Participant label ${label} is already in use in this conference` };
  }
  return null;
}

export function addParticipant(
  engine: Engine,
  conference: ConferenceRecord,
  call: CallRecord,
  settings: JoinSettings,
  status: ParticipantRecord['status'],
): ParticipantRecord {
  const now = Date.now();
  const participant: ParticipantRecord = {
    callSid: call.sid,
    conferenceSid: conference.sid,
    ...settings,
    hold: false,
    holdUrl: null,
    holdMethod: 'GET',
    status,
    dateCreated: now,
    dateUpdated: now,
    backgroundAudio: { url: null, text: null },
    announcement: null,
  };
  engine.store.participants.set(call.sid, participant);
  conference.participantCallSids.push(call.sid);
  conference.dateUpdated = now;
  return participant;
}

function maybeStart(engine: Engine, conference: ConferenceRecord): void {
  if (conference.status !== 'init') return;
  const connected = engine.store.participantsOf(conference).filter((p) => p.status === 'connected');
  if (connected.length < 2 || !connected.some((p) => p.startConferenceOnEnter)) return;
  conference.status = 'in-progress';
  conference.dateUpdated = Date.now();
  emitConferenceEvent(engine, conference, 'conference-start', null);
  for (const participant of connected) syncBackground(engine, participant);
}

/** The participant's call is up: it is now in the conference, hearing its wait audio or the mix. */
export function connectParticipant(engine: Engine, participant: ParticipantRecord): void {
  const conference = engine.store.conferences.get(participant.conferenceSid);
  const call = engine.store.calls.get(participant.callSid);
  if (!conference || !call) return;
  participant.status = 'connected';
  participant.dateUpdated = Date.now();
  call.activity = { kind: 'conference' };
  emitConferenceEvent(engine, conference, 'participant-join', participant);
  maybeStart(engine, conference);
  syncBackground(engine, participant);
  refreshConferenceHearing(engine, conference.sid);
}
