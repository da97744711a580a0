import 'server-only';
import type { z } from 'zod';
import { AppError, errorResponse } from '@/lib/errors';
import { twilioConfig } from './config';
import { verifyTwilioWebhook } from './webhook-signature';

const TWIML_HEADERS = { 'content-type': 'text/xml; charset=utf-8', 'cache-control': 'no-store' };

export function twimlResponse(twiml: string): Response {
  return new Response(twiml, { status: 200, headers: TWIML_HEADERS });
}

/**
 * The shape of every Twilio webhook route: check X-Twilio-Signature first (403, nothing read or changed when
 * it fails), parse the query and form parameters with the schema, run the handler, answer TwiML (a string) or
 * an empty 204 (for callbacks).
 */
export async function handleTwilioWebhook<S extends z.ZodType>(
  request: Request,
  schema: S,
  handler: (input: z.infer<S>) => Promise<string | null>,
): Promise<Response> {
  try {
    const config = twilioConfig();
    const { params, query } = await verifyTwilioWebhook(request, { authToken: config.authToken, publicBaseUrl: config.publicBaseUrl });
    const parsed = schema.safeParse({ ...query, ...params });
    if (!parsed.success) {
      throw new AppError('bad_request:webhook', `The webhook is missing what it needs: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}.`);
    }
    const result = await handler(parsed.data);
    return result === null ? new Response(null, { status: 204 }) : twimlResponse(result);
  } catch (error) {
    return errorResponse(error);
  }
}
