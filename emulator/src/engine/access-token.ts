import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { TwilioApiError } from '../errors';
import type { Engine } from './context';

/** The parts of a Twilio AccessToken (HS256 JWT signed with an API key secret) that voice needs. */
const payloadSchema = z.object({
  iss: z.string(),
  sub: z.string(),
  exp: z.number(),
  grants: z.object({
    identity: z.string().min(1),
    voice: z
      .object({
        incoming: z.object({ allow: z.boolean() }).partial().optional(),
        outgoing: z
          .object({ application_sid: z.string(), params: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      })
      .optional(),
  }),
});

export type VerifiedToken = z.output<typeof payloadSchema>;

// Twilio Voice SDK error codes: 20101 invalid access token, 20104 expired, 20107 invalid signature.
const invalid = (code: number, message: string) => new TwilioApiError(401, code, message);

function decodePart(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

export function verifyAccessToken(engine: Engine, token: string): VerifiedToken {
  const [header, payload, signature, ...rest] = token.split('.');
  if (!header || !payload || !signature || rest.length > 0) throw invalid(20101, 'Invalid Access Token');
  let parsedHeader: unknown;
  let parsedPayload: unknown;
  try {
    parsedHeader = decodePart(header);
    parsedPayload = decodePart(payload);
  } catch {
    throw invalid(20101, 'Invalid Access Token');
  }
  if (z.object({ alg: z.literal('HS256') }).safeParse(parsedHeader).success === false)
    throw invalid(20101, 'Invalid Access Token: alg must be HS256');
  const claims = payloadSchema.safeParse(parsedPayload);
  if (!claims.success) throw invalid(20101, 'Invalid Access Token payload');
  const key = engine.store.keys.get(claims.data.iss) ?? engine.options.apiKeys.find((k) => k.sid === claims.data.iss);
  if (!key) throw invalid(20103, 'Invalid Access Token issuer/subject');
  const expected = createHmac('sha256', key.secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw invalid(20107, 'Invalid Access Token signature');
  if (claims.data.sub !== engine.options.accountSid) throw invalid(20103, 'Invalid Access Token issuer/subject');
  if (claims.data.exp * 1000 <= Date.now()) throw invalid(20104, 'Access Token expired or expiration date invalid');
  return claims.data;
}
