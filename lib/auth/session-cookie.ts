import 'server-only';
import { decode, getToken } from 'next-auth/jwt';
import { sessionClaimsOf } from './config';
import { authSecret } from './secret';

// Auth.js names the cookie with this prefix when the app is served over https; browsers accept such a cookie only
// from a secure origin, so its presence says which name to read.
const SECURE_PREFIX = '__Secure-';
const SESSION_COOKIE = 'authjs.session-token';
const SECURE_SESSION_COOKIE = /(?:^|;\s*)__Secure-authjs\.session-token/;

type Claims = NonNullable<ReturnType<typeof sessionClaimsOf>>;

// A cookie's claims never change: only whether its holder may still use them does, and that is read from the
// database on every poll. So each cookie is decrypted once (key derivation and decryption were a fifth of a
// poll's CPU) and remembered until it expires. Bounded: the oldest entry goes first.
const decrypted = new Map<string, { claims: Claims; expiresAt: number }>();
const MAX_REMEMBERED = 5000;

/**
 * The claims of the request's session cookie, decrypted and checked for expiry, without Auth.js's whole session
 * round (a CSRF token and a re-issued cookie on every call). Only the console poll uses it: every other request
 * still goes through auth(), which also slides the cookie's expiry.
 */
export async function sessionCookieClaims(requestHeaders: Headers): Promise<Claims | undefined> {
  const secureCookie = SECURE_SESSION_COOKIE.test(requestHeaders.get('cookie') ?? '');
  const raw = await getToken({ req: { headers: requestHeaders }, secret: authSecret(), secureCookie, raw: true });
  if (!raw) return undefined;
  const remembered = decrypted.get(raw);
  if (remembered && remembered.expiresAt > Date.now()) return remembered.claims;
  decrypted.delete(raw);
  const salt = secureCookie ? `${SECURE_PREFIX}${SESSION_COOKIE}` : SESSION_COOKIE;
  const token = await decode({ token: raw, secret: authSecret(), salt }).catch(() => null);
  const claims = sessionClaimsOf(token);
  if (!claims || typeof token?.exp !== 'number') return undefined;
  if (decrypted.size >= MAX_REMEMBERED) decrypted.delete(decrypted.keys().next().value as string);
  decrypted.set(raw, { claims, expiresAt: token.exp * 1000 });
  return claims;
}
