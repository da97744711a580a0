import 'server-only';
import type { z } from 'zod';
import { AppError, errorResponse } from '@/lib/errors';
import { publicUrl, twilioConfig } from './config';
import { SIGNED_URL_FRAGMENTS } from './connection-overrides';
import { HOLD_MUSIC_PATH } from './static-audio';
import { announcementTwiml, farewellTwiml, MESSAGES, retryAfterHoldTwiml } from './twiml';
import { verifyTwilioWebhook } from './webhook-signature';

const TWIML_HEADERS = { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' };

/** How often a voice webhook that failed on our side sends the caller back to ask again, with music between. */
export const VOICE_RETRY_LIMIT = 3;
const RETRY_PARAM = 'retry';

export function twimlResponse(twiml: string): Response {
  return new Response(twiml, { status: 200, headers: TWIML_HEADERS });
}

// The phone network can send any byte; Postgres text refuses NUL, and no caller ID or status needs a control character.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

function withoutControlCharacters(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, value.replace(CONTROL_CHARACTERS, '')]),
  );
}

async function verifiedInput<S extends z.ZodType>(request: Request, schema: S) {
  const config = twilioConfig();
  const verified = await verifyTwilioWebhook(request, {
    authToken: config.authToken,
    publicBaseUrl: config.publicBaseUrl,
    fragments: SIGNED_URL_FRAGMENTS,
  });
  const parsed = schema.safeParse(withoutControlCharacters({ ...verified.query, ...verified.params }));
  if (!parsed.success) {
    throw new AppError(
      'bad_request:webhook',
      `The webhook is missing what it needs: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`,
    );
  }
  return { url: verified.url, input: parsed.data };
}

/**
 * Callbacks (status, conference events): check X-Twilio-Signature first (403, nothing read or changed when it
 * fails), parse the query and form parameters with the schema (400 when they are unusable), run the handler,
 * answer an empty 204.
 */
export async function handleTwilioCallback<S extends z.ZodType>(
  request: Request,
  schema: S,
  handler: (input: z.infer<S>) => Promise<void>,
): Promise<Response> {
  try {
    const { input } = await verifiedInput(request, schema);
    await handler(input);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}

/** The same URL with the retry counter set: Twilio signs the Redirect it follows, query included. */
function retryUrl(url: string, attempt: number): string {
  const next = new URL(url);
  next.searchParams.set(RETRY_PARAM, String(attempt));
  return next.toString();
}

/**
 * Voice webhooks (the door, the Dial action, browser legs): whatever happens, the caller hears TwiML, never
 * "an application error". A forged request is still refused (403: Twilio never sends one). Input the phone
 * network sent that we cannot use gets a polite goodbye; a failure on our side (a database blip) plays hold
 * music and asks again, a few times, before apologising.
 */
export async function handleVoiceWebhook<S extends z.ZodType>(
  request: Request,
  schema: S,
  handler: (input: z.infer<S>) => Promise<string>,
): Promise<Response> {
  let verified: { url: string; input: z.infer<S> };
  try {
    verified = await verifiedInput(request, schema);
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden:webhook') return errorResponse(error);
    console.warn(
      `[webhook] ${new URL(request.url).pathname}: unusable voice request: ${error instanceof Error ? error.message : String(error)}`,
    );
    return twimlResponse(farewellTwiml(MESSAGES.unavailable));
  }
  try {
    return twimlResponse(await handler(verified.input));
  } catch (error) {
    const attempt = Number(new URL(verified.url).searchParams.get(RETRY_PARAM) ?? 0) + 1;
    console.warn(
      `[webhook] ${new URL(request.url).pathname} failed (attempt ${attempt}): ${error instanceof Error ? error.message : String(error)}`,
    );
    if (!Number.isInteger(attempt) || attempt > VOICE_RETRY_LIMIT)
      return twimlResponse(farewellTwiml(MESSAGES.unavailable));
    return twimlResponse(retryAfterHoldTwiml(publicUrl(HOLD_MUSIC_PATH), retryUrl(verified.url, attempt)));
  }
}

/**
 * Announcement documents (AnnounceUrl): a forged request is refused (403); anything else gets TwiML, and a query
 * we cannot use gets an empty document (silence), since Hangup is not allowed in an announcement.
 */
export async function handleAnnouncementWebhook<S extends z.ZodType>(
  request: Request,
  schema: S,
  render: (input: z.infer<S>) => string,
): Promise<Response> {
  try {
    const { input } = await verifiedInput(request, schema);
    return twimlResponse(render(input));
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden:webhook') return errorResponse(error);
    console.warn(
      `[webhook] ${new URL(request.url).pathname}: unusable announcement request: ${error instanceof Error ? error.message : String(error)}`,
    );
    return twimlResponse(announcementTwiml(null));
  }
}
