import twilio from 'twilio';
import { identityForUser } from './rooms';

/** Short-lived: the browser refreshes on tokenWillExpire, and a leaked token is soon useless. */
export const VOICE_TOKEN_TTL_SECONDS = 15 * 60;

export interface DeviceCredentials {
  accountSid: string;
  apiKeySid: string;
  apiKeySecret: string;
  twimlAppSid: string;
}

export interface VoiceToken {
  token: string;
  identity: string;
  ttlSeconds: number;
  expiresAt: string;
}

/** A Voice AccessToken whose only grant is calling out through our TwiML App (which decides the room). */
export function buildVoiceToken(credentials: DeviceCredentials, userId: string, now: Date = new Date()): VoiceToken {
  const identity = identityForUser(userId);
  const token = new twilio.jwt.AccessToken(credentials.accountSid, credentials.apiKeySid, credentials.apiKeySecret, {
    identity,
    ttl: VOICE_TOKEN_TTL_SECONDS,
  });
  token.addGrant(
    new twilio.jwt.AccessToken.VoiceGrant({ outgoingApplicationSid: credentials.twimlAppSid, incomingAllow: false }),
  );
  return {
    token: token.toJwt(),
    identity,
    ttlSeconds: VOICE_TOKEN_TTL_SECONDS,
    expiresAt: new Date(now.getTime() + VOICE_TOKEN_TTL_SECONDS * 1000).toISOString(),
  };
}
