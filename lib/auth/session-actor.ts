import 'server-only';
import { findSessionUser, findSessionUserWithConsoleVersion } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import type { Actor } from './actor';

export function toActor(user: User, via: Actor['via']): Actor {
  return { id: user.id, name: user.name, email: user.email, role: user.role, via };
}

/** What a session cookie says about its holder (see the jwt and session callbacks in ./config). */
export interface SessionClaims {
  id?: unknown;
  epoch?: unknown;
  sid?: unknown;
}

/**
 * The actor a session cookie stands for, read fresh from the database: nobody when the account is gone or
 * disabled, when its session epoch moved on since the cookie was issued (a password reset, disabling), or
 * when that session was signed out, so a stolen or forgotten cookie stops working at once rather than when
 * it expires.
 */
export async function sessionActor(claims: SessionClaims | undefined): Promise<Actor | null> {
  if (!wellFormed(claims)) return null;
  return actorOf(await findSessionUser(claims.id, claims.sid), claims);
}

/** sessionActor and a show's console version, in one statement (a console poll). */
export async function sessionActorWithConsoleVersion(
  claims: SessionClaims | undefined,
  showId: string,
): Promise<{ actor: Actor | null; consoleVersion: number | null }> {
  if (!wellFormed(claims)) return { actor: null, consoleVersion: null };
  const found = await findSessionUserWithConsoleVersion(claims.id, claims.sid, showId);
  return { actor: actorOf(found, claims), consoleVersion: found?.consoleVersion ?? null };
}

type WellFormedClaims = { id: string; epoch: number; sid: string };

function wellFormed(claims: SessionClaims | undefined): claims is WellFormedClaims {
  return typeof claims?.id === 'string' && typeof claims.epoch === 'number' && typeof claims.sid === 'string';
}

function actorOf(found: { user: User; signedOut: boolean } | undefined, claims: WellFormedClaims): Actor | null {
  if (!found || found.signedOut || found.user.disabled || found.user.sessionEpoch !== claims.epoch) return null;
  return toActor(found.user, 'session');
}
