import { perEnvironment, readTwilioVariables, type RawEnv } from '@/lib/env';

/** The emulator's fixed rehearsal account (emulator/src/constants.ts); rehearsal needs no configuration. */
export const REHEARSAL_ACCOUNT_SID = 'AC00000000000000000000000000e1a1a7';
export const REHEARSAL_AUTH_TOKEN = 'emulator-rehearsal-auth-token-0000';

export interface TwilioConfig {
  rehearsal: boolean;
  accountSid: string;
  authToken: string;
  /** Null only in rehearsal (or during setup), where provisioning creates them and stores them in app_state. */
  apiKeySid: string | null;
  apiKeySecret: string | null;
  twimlAppSid: string | null;
  /** The origin (and optional path prefix) Twilio calls; no trailing slash. */
  publicBaseUrl: string;
  /** Where the REST client sends requests; null means Twilio itself. */
  apiBaseUrl: string | null;
}

/**
 * The Twilio settings (lib/env.ts checks the variables). `purpose: 'setup'` lets provisioning run before the API
 * key and TwiML App exist; everything else needs the full set in production.
 */
export function loadTwilioConfig(source?: RawEnv, purpose: 'run' | 'setup' = 'run'): TwilioConfig {
  const v = readTwilioVariables(source, purpose);
  if (v.rehearsal) {
    return {
      rehearsal: true,
      accountSid: REHEARSAL_ACCOUNT_SID,
      authToken: REHEARSAL_AUTH_TOKEN,
      apiKeySid: v.TWILIO_API_KEY_SID ?? null,
      apiKeySecret: v.TWILIO_API_KEY_SECRET ?? null,
      twimlAppSid: v.TWILIO_TWIML_APP_SID ?? null,
      publicBaseUrl: v.PUBLIC_BASE_URL ?? `http://127.0.0.1:${v.PORT ?? 3000}`,
      apiBaseUrl: v.TWILIO_API_BASE_URL ?? v.EMULATOR_URL,
    };
  }
  return {
    rehearsal: false,
    accountSid: v.TWILIO_ACCOUNT_SID,
    authToken: v.TWILIO_AUTH_TOKEN,
    apiKeySid: v.TWILIO_API_KEY_SID ?? null,
    apiKeySecret: v.TWILIO_API_KEY_SECRET ?? null,
    twimlAppSid: v.TWILIO_TWIML_APP_SID ?? null,
    publicBaseUrl: v.PUBLIC_BASE_URL,
    apiBaseUrl: v.TWILIO_API_BASE_URL ?? null,
  };
}

/** The process's configuration, parsed once per distinct environment (tests change it between files). */
export const twilioConfig = perEnvironment((source) => loadTwilioConfig(source));

/** An absolute URL Twilio can call for one of the app's paths. */
export function publicUrl(path: string, query?: Record<string, string>, config: TwilioConfig = twilioConfig()): string {
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return `${config.publicBaseUrl}${path}${search}`;
}
