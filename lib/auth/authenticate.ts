import 'server-only';
import { z } from 'zod';
import { clearLoginAttempts, reserveLoginAttempt } from '@/lib/db/login-attempts';
import { findUserByEmail, normaliseEmail } from '@/lib/db/users';
import type { User } from '@/lib/db/schema';
import { settings } from '@/lib/env';
import { burnPasswordCheck, verifyPassword } from './password';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export const credentialsSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email.').max(254).email('Enter a valid email address.'),
  password: z.string().min(1, 'Enter your password.').max(200),
});

export type LoginResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterMinutes: number };

/**
 * Checks a login. Each attempt is counted in the database before its password is checked, in the same step
 * that decides whether it may be checked at all, so the limit holds across app instances and under any number
 * of simultaneous attempts; the answer for an unknown email is the same, and as slow, as a wrong password.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  ip?: string | null;
}): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const reserved = await reserveLoginAttempt(email, input.ip ?? null, {
    since: new Date(Date.now() - LOGIN_WINDOW_MS),
    // LOGIN_MAX_FAILURES=10: the 11th attempt of an account is refused. Per address, distinct accounts are
    // counted: one person's typos are one account however many, so a studio behind one router cannot lock
    // itself out, while guessing across many accounts from one place is stopped.
    maxPerAccount: settings().LOGIN_MAX_FAILURES,
    maxAccountsPerAddress: settings().LOGIN_MAX_ACCOUNTS_PER_ADDRESS,
  });
  if (reserved === null)
    return { ok: false, reason: 'throttled', retryAfterMinutes: Math.ceil(LOGIN_WINDOW_MS / 60_000) };
  const user = await findUserByEmail(email);
  const valid = user
    ? await verifyPassword(input.password, user.passwordHash)
    : (await burnPasswordCheck(input.password), false);
  if (!user || !valid || user.disabled) return { ok: false, reason: 'invalid' };
  await clearLoginAttempts(email);
  return { ok: true, user };
}
