import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** The emulator's fixed rehearsal account (emulator/src/constants.ts); rehearsal needs no configuration. */
export const REHEARSAL_ACCOUNT_SID = 'AC00000000000000000000000000e1a1a7';
export const REHEARSAL_AUTH_TOKEN = 'emulator-rehearsal-auth-token-0000';
export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:3030';

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

type Env = Record<string, string | undefined>;

const httpUrl = (name: string) =>
  z
    .string({ error: `${name} is missing.` })
    .trim()
    .min(1, `${name} is missing.`)
    .refine((value) => {
      try {
        return ['http:', 'https:'].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `${name} must be an http(s) URL, such as https://switchboard.example.com.`)
    .transform((value) => value.replace(/\/+$/, ''));

const sid = (name: string, prefix: string) =>
  z
    .string({ error: `${name} is missing.` })
    .trim()
    .min(1, `${name} is missing.`)
    .regex(new RegExp(`^${prefix}[0-9a-fA-F]{32}$`), `${name} must be "${prefix}" followed by 32 hex digits.`);

const secret = (name: string) => z.string({ error: `${name} is missing.` }).trim().min(1, `${name} is missing.`);

const productionSchema = z.object({
  TWILIO_ACCOUNT_SID: sid('TWILIO_ACCOUNT_SID', 'AC'),
  TWILIO_AUTH_TOKEN: secret('TWILIO_AUTH_TOKEN'),
  TWILIO_API_KEY_SID: sid('TWILIO_API_KEY_SID', 'SK'),
  TWILIO_API_KEY_SECRET: secret('TWILIO_API_KEY_SECRET'),
  TWILIO_TWIML_APP_SID: sid('TWILIO_TWIML_APP_SID', 'AP'),
  PUBLIC_BASE_URL: httpUrl('PUBLIC_BASE_URL'),
  TWILIO_API_BASE_URL: httpUrl('TWILIO_API_BASE_URL').optional(),
});

const setupSchema = productionSchema.extend({
  TWILIO_API_KEY_SID: sid('TWILIO_API_KEY_SID', 'SK').optional(),
  TWILIO_API_KEY_SECRET: secret('TWILIO_API_KEY_SECRET').optional(),
  TWILIO_TWIML_APP_SID: sid('TWILIO_TWIML_APP_SID', 'AP').optional(),
});

const rehearsalSchema = z.object({
  EMULATOR_URL: httpUrl('EMULATOR_URL').optional(),
  TWILIO_API_BASE_URL: httpUrl('TWILIO_API_BASE_URL').optional(),
  PUBLIC_BASE_URL: httpUrl('PUBLIC_BASE_URL').optional(),
  PORT: z.string().trim().regex(/^\d{1,5}$/, 'PORT must be a number, such as 3000.').optional(),
  TWILIO_API_KEY_SID: sid('TWILIO_API_KEY_SID', 'SK').optional(),
  TWILIO_API_KEY_SECRET: secret('TWILIO_API_KEY_SECRET').optional(),
  TWILIO_TWIML_APP_SID: sid('TWILIO_TWIML_APP_SID', 'AP').optional(),
});

/** Rehearsal mode: no Twilio account configured, so the app talks to the local emulator. */
export function isRehearsal(env: Env = process.env): boolean {
  return !env.TWILIO_ACCOUNT_SID?.trim();
}

function present(env: Env): Env {
  // An empty variable counts as unset, as in a .env file with `NAME=`.
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

function fail(error: z.ZodError): never {
  const lines = error.issues.map((issue) => `- ${issue.message}`);
  throw new AppError('internal:twilio', `Twilio is not configured correctly:\n${lines.join('\n')}`);
}

/**
 * Reads and checks the Twilio settings. `purpose: 'setup'` lets provisioning run before the API key and TwiML
 * App exist; everything else needs the full set in production.
 */
export function loadTwilioConfig(env: Env = process.env, purpose: 'run' | 'setup' = 'run'): TwilioConfig {
  const values = present(env);
  if (isRehearsal(env)) {
    const parsed = rehearsalSchema.safeParse(values);
    if (!parsed.success) fail(parsed.error);
    const v = parsed.data;
    return {
      rehearsal: true,
      accountSid: REHEARSAL_ACCOUNT_SID,
      authToken: REHEARSAL_AUTH_TOKEN,
      apiKeySid: v.TWILIO_API_KEY_SID ?? null,
      apiKeySecret: v.TWILIO_API_KEY_SECRET ?? null,
      twimlAppSid: v.TWILIO_TWIML_APP_SID ?? null,
      publicBaseUrl: v.PUBLIC_BASE_URL ?? `http://127.0.0.1:${v.PORT ?? 3000}`,
      apiBaseUrl: v.TWILIO_API_BASE_URL ?? v.EMULATOR_URL ?? DEFAULT_EMULATOR_URL,
    };
  }
  const parsed = (purpose === 'setup' ? setupSchema : productionSchema).safeParse(values);
  if (!parsed.success) fail(parsed.error);
  const v = parsed.data;
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

let cached: { key: string; config: TwilioConfig } | undefined;
const KEYS = [
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_API_KEY_SID',
  'TWILIO_API_KEY_SECRET',
  'TWILIO_TWIML_APP_SID',
  'PUBLIC_BASE_URL',
  'TWILIO_API_BASE_URL',
  'EMULATOR_URL',
  'PORT',
] as const;

/** The process's configuration, parsed once per distinct environment (tests change it between files). */
export function twilioConfig(): TwilioConfig {
  const key = KEYS.map((name) => `${name}=${process.env[name] ?? ''}`).join('\n');
  if (cached?.key !== key) cached = { key, config: loadTwilioConfig(process.env) };
  return cached.config;
}

/** An absolute URL Twilio can call for one of the app's paths. */
export function publicUrl(path: string, query?: Record<string, string>, config: TwilioConfig = twilioConfig()): string {
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return `${config.publicBaseUrl}${path}${search}`;
}
