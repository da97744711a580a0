import 'server-only';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { readProvisionedTelephony } from '@/lib/db/telephony-state';
import { LIVE_DEVICE_SETTINGS, rehearsalDeviceSettings, type DeviceSettings } from '@/lib/audio/device-options';
import { buildVoiceToken, type DeviceCredentials, type VoiceToken } from '@/lib/telephony/access-token';
import { isRehearsal, settings } from '@/lib/env';
import { twilioConfig } from '@/lib/telephony/config';

/** The API key and TwiML App from the environment, or, in rehearsal, the ones provisioning created. */
export async function deviceCredentials(): Promise<DeviceCredentials> {
  const config = twilioConfig();
  const stored =
    config.apiKeySid && config.apiKeySecret && config.twimlAppSid ? null : await readProvisionedTelephony();
  const usable = stored?.accountSid === config.accountSid ? stored : null;
  const apiKeySid = config.apiKeySid ?? usable?.apiKeySid;
  const apiKeySecret = config.apiKeySecret ?? usable?.apiKeySecret;
  const twimlAppSid = config.twimlAppSid ?? usable?.twimlAppSid;
  if (!apiKeySid || !apiKeySecret || !twimlAppSid) {
    throw new AppError(
      'unavailable:twilio',
      'The browser phone is not set up yet: run `npm run twilio:setup` (or start rehearsal mode) first.',
    );
  }
  return { accountSid: config.accountSid, apiKeySid, apiKeySecret, twimlAppSid };
}

/**
 * The browser's Device settings. In rehearsal the same SDK code talks to the emulator, whose signalling shares
 * its control API's host and port (emulator/README.md); live, Twilio's defaults stand.
 */
export function deviceSettings(): DeviceSettings {
  return isRehearsal() ? rehearsalDeviceSettings(new URL(settings().EMULATOR_URL).host) : LIVE_DEVICE_SETTINGS;
}

/** A Voice AccessToken for a host, screener or producer's browser, with the Device settings to use it with. */
export async function issueVoiceToken(actor: Actor): Promise<VoiceToken & { settings: DeviceSettings }> {
  assertAccess(actor, ACCESS.handleCalls);
  return { ...buildVoiceToken(await deviceCredentials(), actor.id), settings: deviceSettings() };
}

/** Rehearsal only: a pass for /simulator's "call with my microphone", a browser the emulator treats as a phone. */
export async function issueSimulatorPhonePass(): Promise<{ token: string; settings: DeviceSettings }> {
  if (!isRehearsal()) throw new AppError('unavailable:twilio', 'The phone simulator exists only in rehearsal.');
  return { token: buildVoiceToken(await deviceCredentials(), 'simulated-phone').token, settings: deviceSettings() };
}
