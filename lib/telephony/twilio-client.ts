import 'server-only';
import twilio from 'twilio';
import { twilioConfig, type TwilioConfig } from './config';
import { withTwilioRetry, type RetryOptions } from './retry';

export type TwilioClient = ReturnType<typeof twilio>;

/**
 * The official client, unmodified; only the API domain's base URL is changed when TWILIO_API_BASE_URL (or
 * rehearsal mode) points it at the emulator. Domain.baseUrl is read on every request.
 */
export function createTwilioClient(config: TwilioConfig): TwilioClient {
  const client = twilio(config.accountSid, config.authToken, { accountSid: config.accountSid });
  if (config.apiBaseUrl) client.api.baseUrl = config.apiBaseUrl;
  return client;
}

let cached: { config: TwilioConfig; client: TwilioClient } | undefined;

export function twilioClient(): TwilioClient {
  const config = twilioConfig();
  if (cached?.config !== config) cached = { config, client: createTwilioClient(config) };
  return cached.client;
}

let retryOverrides: RetryOptions = {};

/** Tests shorten the backoff so retried requests do not slow the suite. */
export function setTwilioRetryOptionsForTests(options: RetryOptions): void {
  retryOverrides = options;
}

/**
 * Every REST request the app makes goes through here: 429 and 5xx are retried with backoff and jitter; any
 * other failure becomes an AppError (cause kept) whose message says what we were trying to do.
 */
export function callTwilio<T>(
  action: string,
  request: (client: TwilioClient) => Promise<T>,
  client: TwilioClient = twilioClient(),
): Promise<T> {
  return withTwilioRetry(action, () => request(client), retryOverrides);
}
