import { TERMINAL_CALL_STATUSES, type CallRecord } from '../types';
import { startTwiml, type TwimlSource } from './call-runner';
import { leaveConference } from './conference-leave';
import type { Engine } from './context';
import { abortRun, endCall } from './end-call';

/** REST Url/Twiml update: the call leaves its conference (participant_updated_via_api) and runs the new TwiML. */
export function redirectCall(engine: Engine, call: CallRecord, source: TwimlSource): void {
  abortRun(engine, call.sid);
  leaveConference(engine, call.sid, 'participant_updated_via_api', { superseded: true });
  startTwiml(engine, call, source);
}

/** Status=completed hangs up any live call; canceled only ends calls that are not answered yet. */
export function hangUpViaApi(engine: Engine, call: CallRecord, status: 'completed' | 'canceled'): void {
  if (TERMINAL_CALL_STATUSES.has(call.status)) return;
  const unanswered = call.status === 'queued' || call.status === 'ringing';
  if (status === 'canceled' && !unanswered) return;
  endCall(engine, call, unanswered && call.direction !== 'inbound' ? 'canceled' : 'completed');
}
