import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import type { Db } from '@/lib/db/client';
import { insertUser } from '@/lib/db/users';

/**
 * A real user row and the actor that stands for it: the one user factory. Without a password the account gets a
 * hash no password matches (hashing costs a bcrypt round, which fixtures that never log in should not pay).
 */
export async function createActor(
  role: Role,
  overrides: { email?: string; password?: string; name?: string; db?: Db } = {},
): Promise<Actor> {
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@switchboard.test`;
  const user = await insertUser(
    {
      email,
      name: overrides.name ?? `${role} ${email.slice(0, 6)}`,
      role,
      passwordHash: overrides.password === undefined ? NO_LOGIN_HASH : await hashPassword(overrides.password),
    },
    overrides.db,
  );
  if (!user) throw new Error(`could not create ${email}`);
  return { id: user.id, name: user.name, email: user.email, role: user.role, via: 'session' };
}

const NO_LOGIN_HASH = 'not-a-real-hash';

/** A show form as a producer fills it in: every field valid, so a test changes only the one it is about. */
export const SHOW_FORM = {
  name: 'Drive Time',
  slug: 'drive-time',
  phoneNumber: '+14155550100',
  greeting: 'Welcome to Drive Time.',
  offAirMessage: 'We are off the air.',
  holdAudioUrl: '',
  maxQueue: '12',
  deckAudio: 'hold',
};
