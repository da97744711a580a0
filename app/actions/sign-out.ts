'use server';

import { auth, SESSION_MAX_AGE_S, signOut } from '@/lib/auth/config';
import { revokeSession } from '@/lib/db/users';

/** Signing out ends this session for good, not just this browser's cookie: a copy of the cookie stops working too. */
export async function signOutAction(): Promise<void> {
  const sid = ((await auth())?.user as { sid?: unknown } | undefined)?.sid;
  if (typeof sid === 'string') await revokeSession(sid, new Date(Date.now() + SESSION_MAX_AGE_S * 1000));
  await signOut({ redirectTo: '/login' });
}
