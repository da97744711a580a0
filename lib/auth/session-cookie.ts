import 'server-only';
import { getToken } from 'next-auth/jwt';
import { sessionClaimsOf } from './config';
import { authSecret } from './secret';

// Auth.js names the cookie with this prefix when the app is served over https; browsers accept such a cookie only
// from a secure origin, so its presence says which name to read.
const SECURE_SESSION_COOKIE = /(?:^|;\s*)__Secure-authjs\.session-token/;

/**
 * The claims of the request's session cookie, decrypted and checked for expiry, without Auth.js's whole session
 * round (a CSRF token and a re-issued cookie on every call), which was a fifth of a console poll's CPU. Only the
 * console poll uses it: every other request still goes through auth(), which also slides the cookie's expiry.
 */
export async function sessionCookieClaims(requestHeaders: Headers) {
  const secureCookie = SECURE_SESSION_COOKIE.test(requestHeaders.get('cookie') ?? '');
  const token = await getToken({ req: { headers: requestHeaders }, secret: authSecret(), secureCookie });
  return sessionClaimsOf(token) ?? undefined;
}
