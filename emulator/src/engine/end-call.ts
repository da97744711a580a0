import { TERMINAL_CALL_STATUSES, type CallRecord, type CallStatus } from '../types';
import { stopBackground } from './background-audio';
import { setCallStatus } from './call-status';
import { leaveConference } from './conference-leave';
import type { Engine } from './context';

/** Stops everything the call's TwiML was doing, without ending the call. */
export function abortRun(engine: Engine, callSid: string): void {
  engine.runs.get(callSid)?.abort();
  engine.runs.delete(callSid);
}

export function endCall(engine: Engine, call: CallRecord, status: CallStatus = 'completed'): void {
  if (TERMINAL_CALL_STATUSES.has(call.status)) return;
  abortRun(engine, call.sid);
  stopBackground(engine, call.sid);
  const timer = engine.dialTimers.get(call.sid);
  if (timer) clearTimeout(timer);
  engine.dialTimers.delete(call.sid);
  engine.pendingAnswers.delete(call.sid);
  setCallStatus(engine, call, status);
  leaveConference(engine, call.sid, status === 'completed' ? 'participant_hung_up' : 'participant_add_failed');
}
