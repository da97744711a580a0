import { TERMINAL_CALL_STATUSES, type ConferenceRecord } from '../types';
import { stopBackground } from './background-audio';
import { emitConferenceEvent } from './conference-events';
import type { Engine } from './context';
import { endCall } from './end-call';
import { refreshCallHearing, refreshConferenceHearing } from './hearing';

/** Reasons the REST API gives for removals that count as "kicked" when deciding ReasonConferenceEnded. */
const KICKED = new Set(['participant_updated_via_api']);

/**
 * Takes a call out of its conference. A call whose TwiML <Dial> waits resumes (its Dial action or next
 * verb); a call with nothing waiting for it (added by the Participants API) hangs up, as on Twilio.
 */
export interface LeaveOptions {
  /** The conference is ending: do not decide again whether it ends. */
  conferenceEnding?: boolean;
  /** The call got new TwiML: it neither resumes its Dial nor hangs up. */
  superseded?: boolean;
}

export function leaveConference(engine: Engine, callSid: string, reason: string, options: LeaveOptions = {}): void {
  const { conferenceEnding = false, superseded = false } = options;
  const participant = engine.store.participants.get(callSid);
  if (!participant) return;
  const conference = engine.store.conferences.get(participant.conferenceSid);
  const wasConnected = participant.status === 'connected';
  stopBackground(engine, callSid);
  engine.store.participants.delete(callSid);
  participant.status = 'complete';
  const call = engine.store.calls.get(callSid);
  if (!conference) return;
  conference.participantCallSids = conference.participantCallSids.filter((sid) => sid !== callSid);
  conference.dateUpdated = Date.now();
  if (call && !TERMINAL_CALL_STATUSES.has(call.status)) call.activity = { kind: 'silence', reason: 'left conference' };
  emitConferenceEvent(engine, conference, 'participant-leave', participant, {
    ParticipantCallStatus: call?.status ?? 'completed',
    ReasonParticipantLeft: reason,
  });
  if (call) refreshCallHearing(engine, call);
  const waiter = engine.leaveWaiters.get(callSid);
  engine.leaveWaiters.delete(callSid);
  if (waiter) waiter(reason);
  else if (call && !superseded) endCall(engine, call);
  if (conferenceEnding || conference.status === 'completed') return;
  if (participant.endConferenceOnExit && wasConnected) {
    const kicked = KICKED.has(reason);
    const ended = kicked
      ? 'participant-with-end-conference-on-exit-kicked'
      : 'participant-with-end-conference-on-exit-left';
    endConference(engine, conference, ended, callSid, 'moderator_ended_conference');
  } else if (conference.participantCallSids.length === 0) {
    endConference(
      engine,
      conference,
      KICKED.has(reason) ? 'last-participant-kicked' : 'last-participant-left',
      callSid,
      reason,
    );
  } else refreshConferenceHearing(engine, conference.sid);
}

export function endConference(
  engine: Engine,
  conference: ConferenceRecord,
  reasonEnded: string,
  callSidEnding: string | null,
  participantReason: string,
): void {
  if (conference.status === 'completed') return;
  conference.status = 'completed';
  conference.reasonEnded = reasonEnded;
  conference.callSidEndingConference = callSidEnding;
  conference.dateUpdated = Date.now();
  for (const sid of [...conference.participantCallSids])
    leaveConference(engine, sid, participantReason, { conferenceEnding: true });
  const extra: Record<string, string> = { ReasonConferenceEnded: reasonEnded };
  if (callSidEnding) extra.CallSidEndingConference = callSidEnding;
  emitConferenceEvent(engine, conference, 'conference-end', null, extra);
}
