import { TERMINAL_CALL_STATUSES, type CallRecord, type CallStatus } from '../types';
import { stopBackground } from './background-audio';
import { setCallStatus } from './call-status';
import { leaveConference } from './conference-leave';
import type { Engine } from './context';
import { voiceParams } from './voice-params';

/** Stops everything the call's TwiML was doing, without ending the call. */
export function abortRun(engine: Engine, callSid: string): void {
  engine.runs.get(callSid)?.abort();
  engine.runs.delete(callSid);
}

/**
 * A call that ends while its <Dial> waits in a conference still gets its Dial action requested, with the ended
 * CallStatus (Twilio's <Dial> page: the action is requested when the dialed call ends, whoever hangs up); the
 * answer is ignored, as the call is over.
 */
function requestDialActionAfterEnd(engine: Engine, call: CallRecord): void {
  const action = engine.dialActions.get(call.sid);
  engine.dialActions.delete(call.sid);
  if (!action) return;
  engine.webhooks.notify({
    kind: 'action',
    url: action.url,
    method: action.method,
    params: { ...voiceParams(engine, call), DialCallStatus: 'answered' },
    callSid: call.sid,
  });
}

export function endCall(engine: Engine, call: CallRecord, status: CallStatus = 'completed'): void {
  if (TERMINAL_CALL_STATUSES.has(call.status)) return;
  const inDial = engine.dialActions.has(call.sid) && engine.leaveWaiters.has(call.sid);
  abortRun(engine, call.sid);
  stopBackground(engine, call.sid);
  const timer = engine.dialTimers.get(call.sid);
  if (timer) clearTimeout(timer);
  engine.dialTimers.delete(call.sid);
  engine.pendingAnswers.delete(call.sid);
  setCallStatus(engine, call, status);
  leaveConference(engine, call.sid, status === 'completed' ? 'participant_hung_up' : 'participant_add_failed');
  if (inDial) requestDialActionAfterEnd(engine, call);
  else engine.dialActions.delete(call.sid);
}
