import { rfc2822 } from '../dates';
import { TERMINAL_CALL_STATUSES, type CallRecord, type CallStatus } from '../types';
import type { Engine } from './context';
import { refreshAround } from './hearing';
import { voiceParams } from './voice-params';

/** The status callback event each status belongs to; Twilio names the events differently from the statuses. */
function eventFor(status: CallStatus | 'initiated'): string {
  if (status === 'initiated') return 'initiated';
  if (status === 'ringing') return 'ringing';
  if (status === 'in-progress') return 'answered';
  return 'completed';
}

export function durationSeconds(call: CallRecord): number {
  if (call.answeredAt === null) return 0;
  return Math.max(0, Math.round(((call.endTime ?? Date.now()) - call.answeredAt) / 1000));
}

export function sendCallStatusCallback(engine: Engine, call: CallRecord, status: CallStatus | 'initiated'): void {
  const callback = call.statusCallback;
  if (!callback || !callback.events.includes(eventFor(status))) return;
  if (engine.store.calls.get(call.sid) !== call) return;
  const params: Record<string, string> = {
    ...voiceParams(engine, call),
    CallStatus: status,
    Timestamp: rfc2822(Date.now()),
    CallbackSource: 'call-progress-events',
    SequenceNumber: String(call.statusSequence++),
  };
  if (TERMINAL_CALL_STATUSES.has(call.status)) {
    params.CallDuration = String(durationSeconds(call));
  }
  engine.webhooks.notify({ kind: 'status', url: callback.url, method: callback.method, params, callSid: call.sid });
}

/** Moves a call to a new status; terminal statuses stay terminal. */
export function setCallStatus(engine: Engine, call: CallRecord, status: CallStatus): void {
  if (TERMINAL_CALL_STATUSES.has(call.status) || call.status === status) return;
  const now = Date.now();
  call.status = status;
  call.dateUpdated = now;
  if (status === 'in-progress') {
    call.answeredAt = now;
    call.startTime ??= now;
  }
  if (TERMINAL_CALL_STATUSES.has(status)) {
    call.endTime = now;
    call.activity = { kind: 'silence', reason: 'call ended' };
  }
  refreshAround(engine, call);
  sendCallStatusCallback(engine, call, status);
  for (const hook of engine.hooks.callStatus) hook(call);
}
