import type { Engine } from '../engine/context';
import { currentHearing, silenceStats } from '../engine/hearing';
import type { CallRecord } from '../types';

/** Everything a test wants to know about one call: where it is, what it hears now, and what it heard. */
export function callView(engine: Engine, call: CallRecord) {
  const participant = engine.store.participants.get(call.sid);
  const conference = participant ? engine.store.conferences.get(participant.conferenceSid) : undefined;
  const timeline = engine.store.timelines.get(call.sid) ?? [];
  return {
    sid: call.sid,
    status: call.status,
    direction: call.direction,
    from: call.from,
    to: call.to,
    micMuted: call.micMuted,
    dateCreated: call.dateCreated,
    answeredAt: call.answeredAt,
    endTime: call.endTime,
    conference: conference
      ? { sid: conference.sid, friendlyName: conference.friendlyName, status: conference.status }
      : null,
    room: conference?.friendlyName ?? null,
    participant: participant
      ? {
          label: participant.label,
          status: participant.status,
          muted: participant.muted,
          hold: participant.hold,
          coaching: participant.coaching,
          callSidToCoach: participant.callSidToCoach,
          startConferenceOnEnter: participant.startConferenceOnEnter,
          endConferenceOnExit: participant.endConferenceOnExit,
        }
      : null,
    hears: currentHearing(engine, call),
    timeline,
    silence: silenceStats(timeline),
  };
}

export type CallView = ReturnType<typeof callView>;
