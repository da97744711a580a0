import 'server-only';
import { AppError } from '@/lib/errors';
import { listShowsForProvisioning } from '@/lib/db/episodes';
import { readProvisionedTelephony, saveProvisionedTelephony } from '@/lib/db/telephony-state';
import { loadTwilioConfig, publicUrl, twilioConfig, type TwilioConfig } from './config';
import { VOICE_URL_OVERRIDES } from './connection-overrides';
import { VOICE_FALLBACK_TWIML_PATH } from './static-audio';
import { callTwilio as callTwilioWith, createTwilioClient, type TwilioClient } from './twilio-client';

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

/** Provisioning runs with its own configuration (setup may precede the full environment) and client. */
interface Ctx {
  config: TwilioConfig;
  client: TwilioClient;
}

function call<T>(ctx: Ctx, action: string, request: (client: TwilioClient) => Promise<T>): Promise<T> {
  return callTwilioWith(action, request, ctx.client);
}

async function exists(ctx: Ctx, action: string, fetch: (client: TwilioClient) => Promise<unknown>): Promise<boolean> {
  try {
    await call(ctx, action, fetch);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found:twilio') return false;
    throw error;
  }
}

async function ensureApiKey(
  ctx: Ctx,
  stored: { sid: string | null; secret: string | null },
  changes: ProvisionChange[],
) {
  if (ctx.config.apiKeySid && ctx.config.apiKeySecret)
    return { sid: ctx.config.apiKeySid, secret: ctx.config.apiKeySecret, created: false };
  const storedSid = stored.sid;
  if (storedSid && stored.secret && (await exists(ctx, 'check the API key', (c) => c.keys(storedSid).fetch()))) {
    return { sid: storedSid, secret: stored.secret, created: false };
  }
  const key = await call(ctx, 'create an API key', (c) => c.newKeys.create({ friendlyName: API_KEY_NAME }));
  changes.push({ resource: 'api_key', action: 'created', sid: key.sid, detail: 'API key for browser access tokens' });
  return { sid: key.sid, secret: key.secret, created: true };
}

async function ensureTwimlApp(ctx: Ctx, storedSid: string | null, changes: ProvisionChange[]): Promise<string> {
  const voiceUrl = publicUrl('/api/twilio/device', undefined, ctx.config);
  const candidates = [ctx.config.twimlAppSid, storedSid].filter((sid): sid is string => Boolean(sid));
  let app: { sid: string; voiceUrl: string; voiceMethod: string } | undefined;
  for (const sid of candidates) {
    app = await call(ctx, 'look up the TwiML App', (c) => c.applications(sid).fetch()).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found:twilio') return undefined;
      throw error;
    });
    if (app) break;
  }
  app ??= (await call(ctx, 'list TwiML Apps', (c) => c.applications.list({ friendlyName: TWIML_APP_NAME })))[0];
  if (!app) {
    const created = await call(ctx, 'create the TwiML App', (c) =>
      c.applications.create({ friendlyName: TWIML_APP_NAME, voiceUrl, voiceMethod: 'POST' }),
    );
    changes.push({ resource: 'twiml_app', action: 'created', sid: created.sid, detail: `Voice URL ${voiceUrl}` });
    return created.sid;
  }
  if (app.voiceUrl !== voiceUrl || app.voiceMethod.toUpperCase() !== 'POST') {
    const sid = app.sid;
    await call(ctx, 'update the TwiML App', (c) => c.applications(sid).update({ voiceUrl, voiceMethod: 'POST' }));
    changes.push({ resource: 'twiml_app', action: 'updated', sid, detail: `Voice URL ${voiceUrl}` });
  }
  return app.sid;
}

async function ensureNumber(
  ctx: Ctx,
  phoneNumber: string,
  changes: ProvisionChange[],
  problems: string[],
): Promise<void> {
  // Retries through a short outage, then the static fallback (the lobby with hold music) if the app is still down.
  const voiceUrl = `${publicUrl('/api/twilio/voice', undefined, ctx.config)}${VOICE_URL_OVERRIDES}`;
  const voiceFallbackUrl = publicUrl(VOICE_FALLBACK_TWIML_PATH, undefined, ctx.config);
  const statusCallback = publicUrl('/api/twilio/status', undefined, ctx.config);
  const wanted = {
    voiceUrl,
    voiceMethod: 'POST',
    voiceFallbackUrl,
    voiceFallbackMethod: 'GET',
    statusCallback,
    statusCallbackMethod: 'POST',
  };
  const found = (await call(ctx, 'list phone numbers', (c) => c.incomingPhoneNumbers.list({ phoneNumber }))).find(
    (n) => n.phoneNumber === phoneNumber,
  );
  if (!found) {
    if (!ctx.config.rehearsal) {
      problems.push(
        `The show number ${phoneNumber} is not on this Twilio account: buy it or port it in, then run setup again.`,
      );
      return;
    }
    try {
      const created = await call(ctx, 'add the phone number', (c) =>
        c.incomingPhoneNumbers.create({ phoneNumber, ...wanted }),
      );
      changes.push({
        resource: 'phone_number',
        action: 'created',
        sid: created.sid,
        detail: `${phoneNumber} rings ${voiceUrl}`,
      });
    } catch (error) {
      problems.push(
        `The emulator cannot provide ${phoneNumber}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return;
  }
  const current = {
    voiceUrl: found.voiceUrl,
    voiceMethod: found.voiceMethod?.toUpperCase(),
    voiceFallbackUrl: found.voiceFallbackUrl,
    voiceFallbackMethod: found.voiceFallbackMethod?.toUpperCase(),
    statusCallback: found.statusCallback,
    statusCallbackMethod: found.statusCallbackMethod?.toUpperCase(),
  };
  if (JSON.stringify(current) === JSON.stringify(wanted)) return;
  await call(ctx, 'point the phone number at the app', (c) => c.incomingPhoneNumbers(found.sid).update(wanted));
  changes.push({
    resource: 'phone_number',
    action: 'updated',
    sid: found.sid,
    detail: `${phoneNumber} rings ${voiceUrl}`,
  });
}

/**
 * Makes the Twilio account (or the emulator) match the app, idempotently: an API key for browser tokens
 * (unless configured), the TwiML App whose voice URL is /api/twilio/device, and every show number's voice URL
 * and status callback. Answers what it changed; running it twice changes nothing the second time.
 */
export async function provisionTwilio(options: { purpose?: 'run' | 'setup' } = {}): Promise<ProvisionReport> {
  const config = options.purpose === 'setup' ? loadTwilioConfig(undefined, 'setup') : twilioConfig();
  const ctx: Ctx = { config, client: createTwilioClient(config) };
  const changes: ProvisionChange[] = [];
  const problems: string[] = [];
  const storedRow = await readProvisionedTelephony();
  const stored = storedRow?.accountSid === config.accountSid ? storedRow : null;
  const key = await ensureApiKey(
    ctx,
    { sid: stored?.apiKeySid ?? null, secret: stored?.apiKeySecret ?? null },
    changes,
  );
  const twimlAppSid = await ensureTwimlApp(ctx, stored?.twimlAppSid ?? null, changes);
  for (const show of await listShowsForProvisioning()) await ensureNumber(ctx, show.phoneNumber, changes, problems);
  // The secret is kept only where the environment does not provide one (rehearsal, or before setup's output is applied).
  const keepSecret = !config.apiKeySecret;
  await saveProvisionedTelephony({
    accountSid: config.accountSid,
    apiKeySid: key.sid,
    apiKeySecret: keepSecret ? key.secret : null,
    twimlAppSid,
  });
  return { changes, problems, apiKeySid: key.sid, twimlAppSid, newApiKeySecret: key.created ? key.secret : null };
}
