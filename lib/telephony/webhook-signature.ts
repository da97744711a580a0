import twilio from 'twilio';
import { AppError } from '@/lib/errors';

export interface VerifiedWebhook {
  /** The URL Twilio called, as it signed it. */
  url: string;
  /** The signed form parameters of a POST; empty for a GET. */
  params: Record<string, string>;
  /** The query string's parameters (covered by the signature through the URL). */
  query: Record<string, string>;
}

/** The URL Twilio signed: the public base URL plus the path and query the app saw, never request.url's host. */
export function signedUrl(request: Request, publicBaseUrl: string): string {
  const { pathname, search } = new URL(request.url);
  return `${publicBaseUrl.replace(/\/+$/, '')}${pathname}${search}`;
}

async function formParams(request: Request): Promise<Record<string, string>> {
  if (request.method !== 'POST') return {};
  // Every byte as sent: Request.text() drops a leading byte-order mark, and the signature covers what was sent.
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await request.arrayBuffer());
  const params: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(body)) params[name] = value;
  return params;
}

/**
 * Checks X-Twilio-Signature before anything else looks at the request. Throws 403 when it is missing or does
 * not match; the caller must change nothing in that case. `fragments` are the connection overrides our URLs may
 * carry: Twilio signs the URL with them, but a fragment never reaches the server.
 */
export async function verifyTwilioWebhook(
  request: Request,
  options: { authToken: string; publicBaseUrl: string; fragments?: readonly string[] },
): Promise<VerifiedWebhook> {
  const signature = request.headers.get('x-twilio-signature');
  const url = signedUrl(request, options.publicBaseUrl);
  const params = await formParams(request);
  const candidates = [url, ...(options.fragments ?? []).map((fragment) => `${url}${fragment}`)];
  if (
    !signature ||
    !candidates.some((candidate) => twilio.validateRequest(options.authToken, signature, candidate, params))
  ) {
    throw new AppError('forbidden:webhook', 'This request is not signed by Twilio.');
  }
  return { url, params, query: Object.fromEntries(new URL(url).searchParams) };
}
