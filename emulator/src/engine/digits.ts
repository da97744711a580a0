import { TwilioApiError } from '../errors';
import { TERMINAL_CALL_STATUSES, type CallRecord } from '../types';
import { leaveConference } from './conference-leave';
import type { Engine } from './context';

/** DTMF from the simulated party: `*` takes a hangupOnStar caller out of its conference (the call goes on). */
export function pressDigits(engine: Engine, call: CallRecord, digits: string): { leftConference: boolean } {
  if (TERMINAL_CALL_STATUSES.has(call.status)) throw new TwilioApiError(400, 21220, 'Invalid call state for this operation');
  const participant = engine.store.participants.get(call.sid);
  if (participant?.hangupOnStar && digits.includes('*')) {
    leaveConference(engine, call.sid, 'participant_hung_up');
    return { leftConference: true };
  }
  return { leftConference: false };
}
