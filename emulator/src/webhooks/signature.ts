import twilio from 'twilio';

/** X-Twilio-Signature exactly as Twilio computes it; the official package is the reference implementation. */
export function signWebhook(authToken: string, url: string, params: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

export function withQuery(url: string, params: Record<string, string>): string {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  const query = new URLSearchParams(params).toString();
  if (!query) return url;
  return `${base}${base.includes('?') ? '&' : '?'}${query}${fragment}`;
}
