import twilio from 'twilio';
import type { Harness } from './harness';

export interface BrowserSetup {
  keySid: string;
  keySecret: string;
  appSid: string;
  token(identity: string, options?: { ttl?: number; secret?: string; appSid?: string }): string;
}

/** What the setup script does: an API key and a TwiML App whose VoiceUrl is the test app's /client-voice. */
export async function setupBrowser(h: Harness): Promise<BrowserSetup> {
  const key = await h.client.newKeys.create({ friendlyName: 'browser tokens' });
  const app = await h.client.applications.create({ friendlyName: 'consoles', voiceUrl: `${h.app.url}/client-voice` });
  return {
    keySid: key.sid,
    keySecret: key.secret,
    appSid: app.sid,
    token: (identity, options = {}) => {
      const token = new twilio.jwt.AccessToken(h.emulator.accountSid, key.sid, options.secret ?? key.secret, {
        identity,
        ttl: options.ttl ?? 3600,
      });
      token.addGrant(
        new twilio.jwt.AccessToken.VoiceGrant({
          outgoingApplicationSid: options.appSid ?? app.sid,
          incomingAllow: true,
        }),
      );
      return token.toJwt();
    },
  };
}
