import 'server-only';
import type { z } from 'zod';
import type { Access } from '@/lib/auth/access';
import { assertAccess, requireActor, type Actor } from '@/lib/auth/guard';
import { AppError, errorResponse } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.infer<S> : undefined;

export interface ApiRouteSpec<P extends Schema, B extends Schema, Q extends Schema> {
  /** Who may call the route; checked before any input is read (401 without an actor, 403 with the rule's code). */
  access: Access;
  /** The dynamic segments of the path. */
  params?: P;
  /** The JSON body; an empty body parses as {}. */
  body?: B;
  /** The search parameters, as an object of strings. */
  query?: Q;
}

export interface ApiInput<P extends Schema, B extends Schema, Q extends Schema> {
  actor: Actor;
  params: Parsed<P>;
  body: Parsed<B>;
  query: Parsed<Q>;
  request: Request;
}

/** The JSON body of a request; an empty body is an empty object, anything else unparsable is a 400. */
async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request:request', 'The request body must be JSON.');
  }
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

/**
 * The shape of every JSON API route (the Twilio webhooks have handleTwilioWebhook): the actor and their
 * access, then params, body and query parsed with zod, then the handler; anything thrown becomes one JSON error
 * response through errorResponse, which logs a server error once.
 */
export function apiRoute<P extends Schema = undefined, B extends Schema = undefined, Q extends Schema = undefined>(
  spec: ApiRouteSpec<P, B, Q>,
  handler: (input: ApiInput<P, B, Q>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    try {
      const actor = await requireActor();
      assertAccess(actor, spec.access);
      const params = (spec.params ? parseInput(spec.params, await context.params) : undefined) as Parsed<P>;
      const body = (spec.body ? parseInput(spec.body, await readJsonBody(request)) : undefined) as Parsed<B>;
      const query = (
        spec.query ? parseInput(spec.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined
      ) as Parsed<Q>;
      return await handler({ actor, params, body, query, request });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
