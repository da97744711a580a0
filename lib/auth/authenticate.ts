import 'server-only';
import { z } from 'zod';
import { clearLoginFailures, countLoginFailures, recordLoginFailure } from '@/lib/db/login-attempts';
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
 * Checks a login. Failures are counted in the database per account and per client address, so the limit
 * holds across app instances; the answer for an unknown email is the same, and as slow, as a wrong password.
 */
export async function authenticate(input: { email: string; password: string; ip?: string | null }): Promise<LoginResult> {
  const email = normaliseEmail(input.email);
  const keys = [`email:${email}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const failures = await countLoginFailures(keys, since);
  if (keys.some((key) => (failures.get(key) ?? 0) >= settings().LOGIN_MAX_FAILURES)) {
    return { ok: false, reason: 'throttled', retryAfterMinutes: Math.ceil(LOGIN_WINDOW_MS / 60_000) };
  }
  const user = await findUserByEmail(email);
  const valid = user ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid || user.disabled) {
    await recordLoginFailure(keys);
    return { ok: false, reason: 'invalid' };
  }
  await clearLoginFailures(`email:${email}`);
  return { ok: true, user };
}
