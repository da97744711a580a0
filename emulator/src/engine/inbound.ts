import { badRequest, notFound } from '../errors';
import type { CallRecord } from '../types';
import { startTwiml } from './call-runner';
import type { Engine } from './context';
import { createCall } from './create-call';

/** A simulated caller rings one of the emulator's provisioned numbers. */
export function ringNumber(engine: Engine, from: string, to: string): CallRecord {
  const number = engine.store.numberByPhone(to);
  if (!number) throw notFound(`IncomingPhoneNumber ${to}`);
  const app = number.voiceApplicationSid ? engine.store.applications.get(number.voiceApplicationSid) : undefined;
  const voiceUrl = app?.voiceUrl ?? number.voiceUrl;
  const method = app ? app.voiceMethod : number.voiceMethod;
  if (!voiceUrl) throw badRequest(21205, `The number ${to} has no VoiceUrl`);
  const fallbackUrl = app ? app.voiceFallbackUrl : number.voiceFallbackUrl;
  const statusUrl = app ? app.statusCallback : number.statusCallback;
  const call = createCall(engine, {
    from,
    to,
    direction: 'inbound',
    status: 'ringing',
    phoneNumberSid: number.sid,
    applicationSid: app?.sid ?? null,
    statusCallback: statusUrl
      ? { url: statusUrl, method: app ? app.statusCallbackMethod : number.statusCallbackMethod, events: ['completed'] }
      : null,
    fallback: fallbackUrl
      ? { url: fallbackUrl, method: app ? app.voiceFallbackMethod : number.voiceFallbackMethod }
      : null,
  });
  const timer = setTimeout(() => {
    engine.dialTimers.delete(call.sid);
    startTwiml(engine, call, { url: voiceUrl, method, kind: 'voice' });
  }, engine.options.ringDelayMs);
  engine.dialTimers.set(call.sid, timer);
  return call;
}
