import { API_VERSION } from '../constants';
import type { CallRecord } from '../types';
import type { Engine } from './context';

function geography(prefix: 'From' | 'To' | 'Called' | 'Caller', number: string): Record<string, string> {
  const country = number.startsWith('+1') ? 'US' : '';
  return { [`${prefix}City`]: '', [`${prefix}State`]: '', [`${prefix}Zip`]: '', [`${prefix}Country`]: country };
}

/** The parameters Twilio sends with every voice request about this call. */
export function voiceParams(engine: Engine, call: CallRecord): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: engine.options.accountSid,
    ApiVersion: API_VERSION,
    CallSid: call.sid,
    CallStatus: call.status,
    Called: call.to,
    Caller: call.from,
    Direction: call.direction,
    From: call.from,
    To: call.to,
    ...geography('From', call.from),
    ...geography('To', call.to),
    ...geography('Called', call.to),
    ...geography('Caller', call.from),
  };
  if (call.parentCallSid) params.ParentCallSid = call.parentCallSid;
  if (call.applicationSid) params.ApplicationSid = call.applicationSid;
  return { ...params, ...call.customParams };
}
