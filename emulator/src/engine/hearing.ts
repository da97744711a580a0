import { DEFAULT_HOLD_MUSIC_URL, DEFAULT_WAIT_URL } from '../constants';
import { TERMINAL_CALL_STATUSES, type CallRecord, type ParticipantRecord } from '../types';
import type { Engine } from './context';
import type { HeardParty, Hearing, HearingSegment } from './hearing-types';

function identityOf(from: string): string | null {
  return from.startsWith('client:') ? from.slice('client:'.length) : null;
}

export function describeParty(call: CallRecord, participant: ParticipantRecord | undefined): HeardParty {
  return { callSid: call.sid, label: participant?.label ?? null, from: call.from, identity: identityOf(call.from) };
}

/** Whether `listener` hears `speaker` in a running conference: mute, mic mute, hold and coaching decide. */
function canHear(engine: Engine, listener: ParticipantRecord, speaker: ParticipantRecord): boolean {
  if (speaker.callSid === listener.callSid) return false;
  if (speaker.status !== 'connected' || speaker.muted || speaker.hold) return false;
  const speakerCall = engine.store.calls.get(speaker.callSid);
  if (!speakerCall || speakerCall.micMuted) return false;
  if (speaker.coaching && speaker.callSidToCoach) return speaker.callSidToCoach === listener.callSid;
  return true;
}

export function currentHearing(engine: Engine, call: CallRecord): Hearing | null {
  if (TERMINAL_CALL_STATUSES.has(call.status)) return null;
  if (call.status === 'queued' || (call.status === 'ringing' && call.activity.kind === 'ringing'))
    return { kind: 'ringing' };
  const participant = engine.store.participants.get(call.sid);
  const conference = participant && engine.store.conferences.get(participant.conferenceSid);
  if (participant && conference && participant.status === 'connected') {
    const where = { conferenceSid: conference.sid, friendlyName: conference.friendlyName };
    // A participant's own announcement (Participants API AnnounceUrl) reaches it wherever it is in the
    // conference, waiting or held included; nobody else hears it.
    const announcement = participant.announcement ?? conference.announcement?.text ?? null;
    const audio = { audio: participant.backgroundAudio.url, text: participant.backgroundAudio.text, announcement };
    if (participant.hold)
      return { kind: 'hold', ...where, url: participant.holdUrl ?? DEFAULT_HOLD_MUSIC_URL, ...audio };
    if (conference.status !== 'in-progress') {
      if (participant.waitUrl === '' && announcement === null) return { kind: 'silence', reason: 'empty waitUrl' };
      return { kind: 'wait', ...where, url: participant.waitUrl ?? DEFAULT_WAIT_URL, ...audio };
    }
    const hears = engine.store
      .participantsOf(conference)
      .filter((speaker) => canHear(engine, participant, speaker))
      .flatMap((speaker) => {
        const speakerCall = engine.store.calls.get(speaker.callSid);
        return speakerCall ? [describeParty(speakerCall, speaker)] : [];
      });
    return { kind: 'conference', ...where, hears, announcement };
  }
  switch (call.activity.kind) {
    case 'say':
      return { kind: 'say', text: call.activity.text };
    case 'play':
      return { kind: 'play', url: call.activity.url };
    case 'silence':
      return { kind: 'silence', reason: call.activity.reason };
    case 'conference':
      return { kind: 'silence', reason: 'joining conference' };
    case 'ringing':
      return { kind: 'silence', reason: 'connecting' };
  }
}

function isSilent(hearing: Hearing): boolean {
  if (hearing.kind === 'silence') return true;
  if (hearing.kind === 'conference') return hearing.hears.length === 0 && hearing.announcement === null;
  if (hearing.kind === 'wait' || hearing.kind === 'hold')
    return hearing.audio === null && hearing.text === null && hearing.announcement === null;
  return false;
}

/** Closes the open segment and opens a new one when what the call hears changed. */
export function refreshCallHearing(engine: Engine, call: CallRecord): void {
  if (engine.store.calls.get(call.sid) !== call) return;
  const timeline = engine.store.timelines.get(call.sid) ?? [];
  engine.store.timelines.set(call.sid, timeline);
  const now = Date.now();
  const hearing = currentHearing(engine, call);
  const open = timeline.at(-1);
  if (open && open.end === null) {
    if (hearing && JSON.stringify(open.hearing) === JSON.stringify(hearing)) return;
    open.end = now;
  }
  if (hearing) timeline.push({ hearing, silent: isSilent(hearing), start: now, end: null });
}

/** Hearing depends on the other participants, so a change in a conference refreshes all of its calls. */
export function refreshConferenceHearing(engine: Engine, conferenceSid: string): void {
  const conference = engine.store.conferences.get(conferenceSid);
  if (!conference) return;
  for (const sid of conference.participantCallSids) {
    const call = engine.store.calls.get(sid);
    if (call) refreshCallHearing(engine, call);
  }
}

export function refreshAround(engine: Engine, call: CallRecord): void {
  refreshCallHearing(engine, call);
  const participant = engine.store.participants.get(call.sid);
  if (participant) refreshConferenceHearing(engine, participant.conferenceSid);
}

export interface SilenceStats {
  totalMs: number;
  longestMs: number;
}

export function silenceStats(timeline: readonly HearingSegment[], now = Date.now()): SilenceStats {
  let totalMs = 0;
  let longestMs = 0;
  let runMs = 0;
  for (const segment of timeline) {
    const length = (segment.end ?? now) - segment.start;
    if (segment.silent) {
      totalMs += length;
      runMs += length;
      longestMs = Math.max(longestMs, runMs);
    } else runMs = 0;
  }
  return { totalMs, longestMs };
}
