import 'server-only';
import { AppError } from '@/lib/errors';
import { listShowsForProvisioning } from '@/lib/db/episodes';
import { readProvisionedTelephony, saveProvisionedTelephony } from '@/lib/db/telephony-state';
import { loadTwilioConfig, publicUrl, twilioConfig, type TwilioConfig } from './config';
import { callTwilio } from './twilio-client';

export const TWIML_APP_NAME = 'Switchboard browser phones';
export const API_KEY_NAME = 'Switchboard browser phones';

export interface ProvisionChange {
  resource: 'api_key' | 'twiml_app' | 'phone_number';
  action: 'created' | 'updated';
  sid: string;
  detail: string;
}

export interface ProvisionReport {
  changes: ProvisionChange[];
  /** Things provisioning cannot fix by itself, in words for the person running it. */
  problems: string[];
  apiKeySid: string;
  twimlAppSid: string;
  /** Shown once, when the key was created now (production prints it for the environment). */
  newApiKeySecret: string | null;
}

async function exists(action: string, fetch: Parameters<typeof callTwilio>[1]): Promise<boolean> {
  try {
    await callTwilio(action, fetch);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found:twilio') return false;
    throw error;
  }
}

async function ensureApiKey(config: TwilioConfig, stored: { sid: string | null; secret: string | null }, changes: ProvisionChange[]) {
  if (config.apiKeySid && config.apiKeySecret) return { sid: config.apiKeySid, secret: config.apiKeySecret, created: false };
  const storedSid = stored.sid;
  if (storedSid && stored.secret && (await exists('check the API key', (c) => c.keys(storedSid).fetch()))) {
    return { sid: storedSid, secret: stored.secret, created: false };
  }
  const key = await callTwilio('create an API key', (c) => c.newKeys.create({ friendlyName: API_KEY_NAME }));
  changes.push({ resource: 'api_key', action: 'created', sid: key.sid, detail: 'API key for browser access tokens' });
  return { sid: key.sid, secret: key.secret, created: true };
}

async function ensureTwimlApp(config: TwilioConfig, storedSid: string | null, changes: ProvisionChange[]): Promise<string> {
  const voiceUrl = publicUrl('/api/twilio/device');
  const candidates = [config.twimlAppSid, storedSid].filter((sid): sid is string => Boolean(sid));
  let app: { sid: string; voiceUrl: string; voiceMethod: string } | undefined;
  for (const sid of candidates) {
    app = await callTwilio('look up the TwiML App', (c) => c.applications(sid).fetch()).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found:twilio') return undefined;
      throw error;
    });
    if (app) break;
  }
  app ??= (await callTwilio('list TwiML Apps', (c) => c.applications.list({ friendlyName: TWIML_APP_NAME })))[0];
  if (!app) {
    const created = await callTwilio('create the TwiML App', (c) => c.applications.create({ friendlyName: TWIML_APP_NAME, voiceUrl, voiceMethod: 'POST' }));
    changes.push({ resource: 'twiml_app', action: 'created', sid: created.sid, detail: `Voice URL ${voiceUrl}` });
    return created.sid;
  }
  if (app.voiceUrl !== voiceUrl || app.voiceMethod.toUpperCase() !== 'POST') {
    const sid = app.sid;
    await callTwilio('update the TwiML App', (c) => c.applications(sid).update({ voiceUrl, voiceMethod: 'POST' }));
    changes.push({ resource: 'twiml_app', action: 'updated', sid, detail: `Voice URL ${voiceUrl}` });
  }
  return app.sid;
}

async function ensureNumber(config: TwilioConfig, phoneNumber: string, changes: ProvisionChange[], problems: string[]): Promise<void> {
  const voiceUrl = publicUrl('/api/twilio/voice');
  const statusCallback = publicUrl('/api/twilio/status');
  const wanted = { voiceUrl, voiceMethod: 'POST', statusCallback, statusCallbackMethod: 'POST' };
  const found = (await callTwilio('list phone numbers', (c) => c.incomingPhoneNumbers.list({ phoneNumber }))).find((n) => n.phoneNumber === phoneNumber);
  if (!found) {
    if (!config.rehearsal) {
      problems.push(`The show number ${phoneNumber} is not on this Twilio account: buy it or port it in, then run setup again.`);
      return;
    }
    try {
      const created = await callTwilio('add the phone number', (c) => c.incomingPhoneNumbers.create({ phoneNumber, ...wanted }));
      changes.push({ resource: 'phone_number', action: 'created', sid: created.sid, detail: `${phoneNumber} rings ${voiceUrl}` });
    } catch (error) {
      problems.push(`The emulator cannot provide ${phoneNumber}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return;
  }
  const current = { voiceUrl: found.voiceUrl, voiceMethod: found.voiceMethod?.toUpperCase(), statusCallback: found.statusCallback, statusCallbackMethod: found.statusCallbackMethod?.toUpperCase() };
  if (JSON.stringify(current) === JSON.stringify(wanted)) return;
  await callTwilio('point the phone number at the app', (c) => c.incomingPhoneNumbers(found.sid).update(wanted));
  changes.push({ resource: 'phone_number', action: 'updated', sid: found.sid, detail: `${phoneNumber} rings ${voiceUrl}` });
}

/**
 * Makes the Twilio account (or the emulator) match the app, idempotently: an API key for browser tokens
 * (unless configured), the TwiML App whose voice URL is /api/twilio/device, and every show number's voice URL
 * and status callback. Answers what it changed; running it twice changes nothing the second time.
 */
export async function provisionTwilio(options: { purpose?: 'run' | 'setup' } = {}): Promise<ProvisionReport> {
  const config = options.purpose === 'setup' ? loadTwilioConfig(process.env, 'setup') : twilioConfig();
  const changes: ProvisionChange[] = [];
  const problems: string[] = [];
  const storedRow = await readProvisionedTelephony();
  const stored = storedRow?.accountSid === config.accountSid ? storedRow : null;
  const key = await ensureApiKey(config, { sid: stored?.apiKeySid ?? null, secret: stored?.apiKeySecret ?? null }, changes);
  const twimlAppSid = await ensureTwimlApp(config, stored?.twimlAppSid ?? null, changes);
  for (const show of await listShowsForProvisioning()) await ensureNumber(config, show.phoneNumber, changes, problems);
  // The secret is kept only where the environment does not provide one (rehearsal, or before setup's output is applied).
  const keepSecret = !config.apiKeySecret;
  await saveProvisionedTelephony({ accountSid: config.accountSid, apiKeySid: key.sid, apiKeySecret: keepSecret ? key.secret : null, twimlAppSid });
  return { changes, problems, apiKeySid: key.sid, twimlAppSid, newApiKeySecret: key.created ? key.secret : null };
}
