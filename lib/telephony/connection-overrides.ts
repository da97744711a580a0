/**
 * Connection overrides (Twilio's "Webhook connection overrides" page) on the voice URL `twilio:setup` gives each
 * show number: retry twice when the connection fails or the answer is a 5xx (a proxy whose app instance is
 * restarting, a balancer moving to another instance). The door is idempotent per CallSid, so a retry is safe.
 * Twilio signs the URL with its fragment, which the request itself never carries: the verifier adds it back.
 */
export const VOICE_URL_OVERRIDES = '#rc=2&rp=ct,5xx';

/** Every fragment a URL Twilio calls may carry, for the signature check. */
export const SIGNED_URL_FRAGMENTS: readonly string[] = [VOICE_URL_OVERRIDES];
