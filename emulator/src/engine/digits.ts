import { TwilioApiError } from '../errors';
import { TERMINAL_CALL_STATUSES, type CallRecord } from '../types';
import { leaveConference } from './conference-leave';
import type { Engine } from './context';
import { offerDigit } from './gather';

/**
 * DTMF from the simulated party, key by key: `*` takes a hangupOnStar caller out of its conference (the call
 * goes on), and a running <Gather> hears every key. `w`/`W` are the dial-string pauses, not keys.
 */
export function pressDigits(
  engine: Engine,
  call: CallRecord,
  digits: string,
): { leftConference: boolean; gathered: boolean } {
  if (TERMINAL_CALL_STATUSES.has(call.status))
    throw new TwilioApiError(400, 21220, 'Invalid call state for this operation');
  let leftConference = false;
  let gathered = false;
  for (const key of digits.replace(/[wW]/g, '')) {
    const participant = engine.store.participants.get(call.sid);
    if (participant?.hangupOnStar && key === '*') {
      leaveConference(engine, call.sid, 'participant_hung_up');
      leftConference = true;
      continue;
    }
    gathered = offerDigit(engine, call.sid, key) || gathered;
  }
  return { leftConference, gathered };
}
