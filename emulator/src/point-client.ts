import type { Twilio } from 'twilio';

/**
 * Points an official twilio client at the emulator. `client.api` is the 2010 API domain; its public
 * `baseUrl` field is read on every request, so this is the whole change and no internals are patched.
 */
export function pointTwilioClientAt(client: Twilio, baseUrl: string): Twilio {
  client.api.baseUrl = baseUrl;
  return client;
}
