import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { TwilioApiError } from '../errors';
import type { Engine } from '../engine/context';

const unauthorized = () => new TwilioApiError(401, 20003, 'Authenticate');

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** HTTP Basic with AccountSid:AuthToken or an API key sid:secret, as Twilio's REST API accepts. */
export function authenticate(engine: Engine, headers: IncomingHttpHeaders): void {
  const header = headers.authorization ?? '';
  if (!header.startsWith('Basic ')) throw unauthorized();
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw unauthorized();
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (user === engine.options.accountSid && same(password, engine.options.authToken)) return;
  const key = engine.store.keys.get(user) ?? engine.options.apiKeys.find((k) => k.sid === user);
  if (key && same(password, key.secret)) return;
  throw unauthorized();
}
