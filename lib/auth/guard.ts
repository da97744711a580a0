import 'server-only';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { AppError } from '@/lib/errors';
import { findActiveTokenUser } from '@/lib/db/api-tokens';
import type { Role } from '@/lib/auth/roles';
import { bearerToken, hashApiToken } from './api-token';
import { auth } from './config';
import { roleAllows } from './roles';
import { findConsoleVersion } from '@/lib/db/shows';
import { sessionCookieClaims } from './session-cookie';
import { sessionActor, sessionActorWithConsoleVersion, toActor } from './session-actor';
import type { Actor } from './actor';

export { assertAccess, type Actor } from './actor';

/**
 * The current actor, read fresh from the database on every call, so that disabling someone or changing their
 * role takes effect at once rather than when their session cookie expires.
 */
export async function currentActor(): Promise<Actor | null> {
  const token = bearerToken(await headers());
  if (token) {
    const user = await findActiveTokenUser(hashApiToken(token));
    return user && !user.disabled ? toActor(user, 'token') : null;
  }
  const session = await auth();
  return sessionActor(session?.user);
}

/** For route handlers and server actions: 401 without an actor. What they may do is the domain's rule (lib/auth/access.ts). */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError('unauthorized:auth');
  return actor;
}

/**
 * requireActor for a console poll, with the show's console version read in the same statement as a signed-in
 * user, so that a poll which finds nothing new costs one statement. consoleVersion is null for an unknown show.
 */
export async function requireActorWithConsoleVersion(
  showId: string,
): Promise<{ actor: Actor; consoleVersion: number | null }> {
  let found: { actor: Actor | null; consoleVersion: number | null };
  const requestHeaders = await headers();
  if (bearerToken(requestHeaders)) {
    const actor = await currentActor();
    found = { actor, consoleVersion: actor ? await findConsoleVersion(showId) : null };
  } else {
    found = await sessionActorWithConsoleVersion(await sessionCookieClaims(requestHeaders), showId);
  }
  if (!found.actor) throw new AppError('unauthorized:auth');
  return { actor: found.actor, consoleVersion: found.consoleVersion };
}

/** For pages: to the login page without a session, the 403 page with the wrong role. */
export async function requirePageActor(allowed: readonly Role[], path: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!roleAllows(actor.role, allowed)) forbidden();
  return actor;
}
