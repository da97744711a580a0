import { newSid } from '../sids';
import type { CallbackConfig, ConferenceRecord } from '../types';
import type { Engine } from './context';

/**
 * Finds the live conference with this name or creates it. The creator is the first participant, and
 * Twilio lets the first participant alone set the conference's status callback.
 */
export function findOrCreateConference(
  engine: Engine,
  friendlyName: string,
  creatorCallback: CallbackConfig | null,
  maxParticipants: number,
): ConferenceRecord {
  const existing = engine.store.liveConferenceByName(friendlyName);
  if (existing) return existing;
  const now = Date.now();
  const conference: ConferenceRecord = {
    sid: newSid('CF'),
    friendlyName,
    status: 'init',
    dateCreated: now,
    dateUpdated: now,
    statusCallback: creatorCallback,
    sequence: 1,
    reasonEnded: null,
    callSidEndingConference: null,
    maxParticipants,
    participantCallSids: [],
    announcement: null,
  };
  engine.store.conferences.set(conference.sid, conference);
  return conference;
}

/** A statusCallback without statusCallbackEvent subscribes to no events (issue 11: no invented default). */
export function conferenceCallback(
  url: string | null,
  method: 'GET' | 'POST',
  events: string[],
): CallbackConfig | null {
  if (!url) return null;
  return { url, method, events };
}
