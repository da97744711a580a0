import { newSid } from '../sids';
import type { CallbackConfig, CallDirection, CallRecord, CallStatus, HttpMethod } from '../types';
import type { Engine } from './context';
import { refreshCallHearing } from './hearing';

export interface NewCall {
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  statusCallback?: CallbackConfig | null;
  fallback?: { url: string; method: HttpMethod } | null;
  phoneNumberSid?: string | null;
  customParams?: Record<string, string>;
  applicationSid?: string | null;
  parentCallSid?: string | null;
}

export function createCall(engine: Engine, spec: NewCall): CallRecord {
  const now = Date.now();
  const call: CallRecord = {
    sid: newSid('CA'),
    parentCallSid: spec.parentCallSid ?? null,
    from: spec.from,
    to: spec.to,
    direction: spec.direction,
    status: spec.status,
    phoneNumberSid: spec.phoneNumberSid ?? null,
    dateCreated: now,
    dateUpdated: now,
    startTime: spec.direction === 'inbound' ? now : null,
    answeredAt: null,
    endTime: null,
    statusCallback: spec.statusCallback ?? null,
    statusSequence: 0,
    fallback: spec.fallback ?? null,
    activity: { kind: 'ringing' },
    micMuted: false,
    customParams: spec.customParams ?? {},
    applicationSid: spec.applicationSid ?? null,
  };
  engine.store.calls.set(call.sid, call);
  refreshCallHearing(engine, call);
  return call;
}
