import { TwilioApiError } from '../errors';
import type { CallRecord } from '../types';
import { verifyAccessToken } from './access-token';
import { startTwiml } from './call-runner';
import type { Engine } from './context';
import { createCall } from './create-call';

/** The emulated device.connect({ params }): Twilio requests the TwiML App's Voice URL for a client: leg. */
export function connectClient(
  engine: Engine,
  identity: string,
  token: string,
  params: Record<string, string>,
): CallRecord {
  const claims = verifyAccessToken(engine, token);
  if (claims.grants.identity !== identity)
    throw new TwilioApiError(403, 20101, `token identity ${claims.grants.identity} is not ${identity}`);
  const applicationSid = claims.grants.voice?.outgoing?.application_sid;
  if (!applicationSid) throw new TwilioApiError(403, 31002, 'token has no VoiceGrant outgoing application');
  const app = engine.store.applications.get(applicationSid);
  if (!app?.voiceUrl) throw new TwilioApiError(400, 21218, `TwiML App ${applicationSid} not found or has no VoiceUrl`);
  const grantParams = Object.fromEntries(
    Object.entries(claims.grants.voice?.outgoing?.params ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const call = createCall(engine, {
    from: `client:${identity}`,
    to: params.To ?? '',
    direction: 'inbound',
    status: 'ringing',
    applicationSid,
    customParams: { ...grantParams, ...params },
    statusCallback: app.statusCallback
      ? { url: app.statusCallback, method: app.statusCallbackMethod, events: ['completed'] }
      : null,
    fallback: app.voiceFallbackUrl ? { url: app.voiceFallbackUrl, method: app.voiceFallbackMethod } : null,
  });
  startTwiml(engine, call, { url: app.voiceUrl, method: app.voiceMethod, kind: 'voice' });
  return call;
}

export function registerClient(engine: Engine, identity: string, token: string, autoAnswer: boolean): void {
  const claims = verifyAccessToken(engine, token);
  if (claims.grants.identity !== identity)
    throw new TwilioApiError(403, 20101, `token identity ${claims.grants.identity} is not ${identity}`);
  if (claims.grants.voice?.incoming?.allow !== true)
    throw new TwilioApiError(403, 31201, 'token does not allow incoming calls');
  engine.store.clients.set(identity, { identity, autoAnswer, registeredAt: Date.now() });
}
