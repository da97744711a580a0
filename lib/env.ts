import { z } from 'zod';
import { AppError } from '@/lib/errors';

// The one place the app reads and checks its environment variables. Tests change variables between files, so
// every reader parses on demand and caches per distinct set of values rather than once at import.

export type RawEnv = Record<string, string | undefined>;

/** Where the Twilio emulator listens in rehearsal when EMULATOR_URL is not set. */
export const DEFAULT_EMULATOR_URL = 'http://127.0.0.1:3030';

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

const secret = (name: string) =>
  z
    .string({ error: `${name} is missing.` })
    .trim()
    .min(1, `${name} is missing.`);

const wholeNumber = (name: string, min: number, max: number, example: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number, such as ${example}.`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `${name} must be between ${min} and ${max}.`);

/** Every variable the app reads, each checked by exactly one schema. */
const VARIABLES = {
  TWILIO_ACCOUNT_SID: sid('TWILIO_ACCOUNT_SID', 'AC'),
  TWILIO_AUTH_TOKEN: secret('TWILIO_AUTH_TOKEN'),
  TWILIO_API_KEY_SID: sid('TWILIO_API_KEY_SID', 'SK'),
  TWILIO_API_KEY_SECRET: secret('TWILIO_API_KEY_SECRET'),
  TWILIO_TWIML_APP_SID: sid('TWILIO_TWIML_APP_SID', 'AP'),
  TWILIO_API_BASE_URL: httpUrl('TWILIO_API_BASE_URL'),
  PUBLIC_BASE_URL: httpUrl('PUBLIC_BASE_URL'),
  EMULATOR_URL: httpUrl('EMULATOR_URL'),
  PORT: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'PORT must be a number, such as 3000.'),
  DATABASE_URL: z.string().trim(),
  PGLITE_DIR: z.string().trim(),
  AUTH_SECRET: z.string(),
  ADMIN_EMAIL: z.string().trim(),
  ADMIN_PASSWORD: z.string(),
  LOGIN_MAX_FAILURES: wholeNumber('LOGIN_MAX_FAILURES', 1, 1_000_000, 10),
  LOGIN_MAX_ACCOUNTS_PER_ADDRESS: wholeNumber('LOGIN_MAX_ACCOUNTS_PER_ADDRESS', 1, 1_000_000, 10),
  // More than a handful of proxies is a typo, and would let clients choose their own address.
  TRUSTED_PROXY_COUNT: wholeNumber('TRUSTED_PROXY_COUNT', 0, 10, 1),
  BCRYPT_COST: wholeNumber('BCRYPT_COST', 4, 31, 10),
  // A floor, so a typo cannot make the reconciler ask Twilio where everyone is every millisecond.
  RECONCILE_INTERVAL_MS: wholeNumber('RECONCILE_INTERVAL_MS', 100, 3_600_000, 3000),
  // npm run bench only: count the statements the app sends, reported by /api/health.
  BENCH_COUNT_STATEMENTS: z.enum(['1'], 'BENCH_COUNT_STATEMENTS is 1 or unset.'),
};
type Name = keyof typeof VARIABLES;
const NAMES = Object.keys(VARIABLES) as Name[];

const settingsSchema = z.object({
  PUBLIC_BASE_URL: VARIABLES.PUBLIC_BASE_URL.optional(),
  EMULATOR_URL: VARIABLES.EMULATOR_URL.default(DEFAULT_EMULATOR_URL),
  DATABASE_URL: VARIABLES.DATABASE_URL.optional(),
  PGLITE_DIR: VARIABLES.PGLITE_DIR.optional(),
  AUTH_SECRET: VARIABLES.AUTH_SECRET.optional(),
  ADMIN_EMAIL: VARIABLES.ADMIN_EMAIL.optional(),
  ADMIN_PASSWORD: VARIABLES.ADMIN_PASSWORD.optional(),
  LOGIN_MAX_FAILURES: VARIABLES.LOGIN_MAX_FAILURES.default(10),
  LOGIN_MAX_ACCOUNTS_PER_ADDRESS: VARIABLES.LOGIN_MAX_ACCOUNTS_PER_ADDRESS.default(10),
  TRUSTED_PROXY_COUNT: VARIABLES.TRUSTED_PROXY_COUNT.default(0),
  BCRYPT_COST: VARIABLES.BCRYPT_COST.default(10),
  RECONCILE_INTERVAL_MS: VARIABLES.RECONCILE_INTERVAL_MS.default(3000),
  BENCH_COUNT_STATEMENTS: VARIABLES.BENCH_COUNT_STATEMENTS.optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

const productionTwilioSchema = z.object({
  TWILIO_ACCOUNT_SID: VARIABLES.TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: VARIABLES.TWILIO_AUTH_TOKEN,
  TWILIO_API_KEY_SID: VARIABLES.TWILIO_API_KEY_SID,
  TWILIO_API_KEY_SECRET: VARIABLES.TWILIO_API_KEY_SECRET,
  TWILIO_TWIML_APP_SID: VARIABLES.TWILIO_TWIML_APP_SID,
  PUBLIC_BASE_URL: VARIABLES.PUBLIC_BASE_URL,
  TWILIO_API_BASE_URL: VARIABLES.TWILIO_API_BASE_URL.optional(),
});

const setupTwilioSchema = productionTwilioSchema.extend({
  TWILIO_API_KEY_SID: VARIABLES.TWILIO_API_KEY_SID.optional(),
  TWILIO_API_KEY_SECRET: VARIABLES.TWILIO_API_KEY_SECRET.optional(),
  TWILIO_TWIML_APP_SID: VARIABLES.TWILIO_TWIML_APP_SID.optional(),
});

const rehearsalTwilioSchema = z.object({
  EMULATOR_URL: VARIABLES.EMULATOR_URL.default(DEFAULT_EMULATOR_URL),
  TWILIO_API_BASE_URL: VARIABLES.TWILIO_API_BASE_URL.optional(),
  PUBLIC_BASE_URL: VARIABLES.PUBLIC_BASE_URL.optional(),
  PORT: VARIABLES.PORT.optional(),
  TWILIO_API_KEY_SID: VARIABLES.TWILIO_API_KEY_SID.optional(),
  TWILIO_API_KEY_SECRET: VARIABLES.TWILIO_API_KEY_SECRET.optional(),
  TWILIO_TWIML_APP_SID: VARIABLES.TWILIO_TWIML_APP_SID.optional(),
});

export type TwilioVariables =
  | ({ rehearsal: true } & z.infer<typeof rehearsalTwilioSchema>)
  | ({ rehearsal: false } & z.infer<typeof setupTwilioSchema>);

/** The variables that are set: an empty variable counts as unset, as in a .env file with `NAME=`. */
function present(source: RawEnv): RawEnv {
  return Object.fromEntries(
    NAMES.map((name): [Name, string | undefined] => [name, source[name]]).filter(
      ([, value]) => value !== undefined && value.trim() !== '',
    ),
  );
}

function issues(error: z.ZodError): string {
  return error.issues.map((issue) => `- ${issue.message}`).join('\n');
}

/** Rehearsal mode: no Twilio account configured, so the app talks to the local emulator. */
export function isRehearsal(source: RawEnv = process.env): boolean {
  return !source.TWILIO_ACCOUNT_SID?.trim();
}

/**
 * The Twilio variables, checked for the mode they imply. `purpose: 'setup'` lets provisioning run before the API
 * key and TwiML App exist; everything else needs the full set in production.
 */
export function readTwilioVariables(source: RawEnv = process.env, purpose: 'run' | 'setup' = 'run'): TwilioVariables {
  const values = present(source);
  const fail = (error: z.ZodError): never => {
    throw new AppError('internal:twilio', `Twilio is not configured correctly:\n${issues(error)}`);
  };
  if (isRehearsal(source)) {
    const parsed = rehearsalTwilioSchema.safeParse(values);
    return parsed.success ? { rehearsal: true, ...parsed.data } : fail(parsed.error);
  }
  const parsed = (purpose === 'setup' ? setupTwilioSchema : productionTwilioSchema).safeParse(values);
  return parsed.success ? { rehearsal: false, ...parsed.data } : fail(parsed.error);
}

/** Everything but Twilio's variables: the database, sign-in, the first accounts, the reconciler, the emulator. */
export function readSettings(source: RawEnv = process.env): Settings {
  const parsed = settingsSchema.safeParse(present(source));
  if (!parsed.success) throw new AppError('internal:config', `The settings are not valid:\n${issues(parsed.error)}`);
  return parsed.data;
}

/** `read` applied to this process's environment, parsed again only when one of the variables changed. */
export function perEnvironment<T>(read: (source: RawEnv) => T): () => T {
  let cached: { key: string; value: T } | undefined;
  return () => {
    const key = NAMES.map((name) => `${name}=${process.env[name] ?? ''}`).join('\n');
    if (cached?.key !== key) cached = { key, value: read(process.env) };
    return cached.value;
  };
}

/** This process's settings. */
export const settings = perEnvironment(readSettings);
