import { parseTwiml, TwimlError } from '../twiml/parse-twiml';
import type { Verb } from '../twiml/verbs';
import type { HttpMethod, WebhookKind } from '../types';
import type { Engine } from './context';

export type FetchedTwiml =
  | { kind: 'verbs'; verbs: Verb[]; url: string }
  | { kind: 'audio'; url: string }
  | { kind: 'error'; code: number; message: string; url: string };

export interface TwimlRequest {
  kind: WebhookKind;
  url: string;
  method: HttpMethod;
  params: Record<string, string>;
  callSid: string | null;
  conferenceSid?: string | null;
}

/** Requests a TwiML URL the way Twilio does; an audio answer is played, anything else must be TwiML. */
export async function fetchTwiml(engine: Engine, req: TwimlRequest): Promise<FetchedTwiml> {
  let absolute: string;
  try {
    absolute = new URL(req.url).toString();
  } catch {
    return { kind: 'error', code: 11100, message: `invalid URL ${req.url}`, url: req.url };
  }
  const answer = await engine.webhooks.request({ ...req, url: absolute });
  if (!answer.ok) {
    const why = answer.error ?? `HTTP ${answer.status ?? '?'}`;
    return { kind: 'error', code: 11200, message: `HTTP retrieval failure: ${why}`, url: absolute };
  }
  const type = answer.contentType ?? '';
  if (type.startsWith('audio/')) return { kind: 'audio', url: absolute };
  return parseDocument(answer.body, absolute);
}

export function parseDocument(body: string, url: string): FetchedTwiml {
  try {
    return { kind: 'verbs', verbs: parseTwiml(body), url };
  } catch (error) {
    if (error instanceof TwimlError) return { kind: 'error', code: error.code, message: error.message, url };
    throw error;
  }
}

/** TwiML URLs may be relative to the document that holds them. */
export function resolveUrl(url: string, base: string | null): string {
  return base ? new URL(url, base).toString() : new URL(url).toString();
}
