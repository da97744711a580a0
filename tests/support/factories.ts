import { randomUUID } from 'node:crypto';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import type { Role } from '@/lib/auth/roles';
import { insertUser } from '@/lib/db/users';

/** A real user row and the actor that stands for it. */
export async function createActor(
  role: Role,
  overrides: { email?: string; password?: string; name?: string } = {},
): Promise<Actor> {
  const email = overrides.email ?? `${role}-${randomUUID().slice(0, 8)}@switchboard.test`;
  const user = await insertUser({
    email,
    name: overrides.name ?? `${role} ${email.slice(0, 6)}`,
    role,
    passwordHash: await hashPassword(overrides.password ?? 'correct-horse-battery'),
  });
  if (!user) throw new Error(`could not create ${email}`);
  return { id: user.id, name: user.name, email: user.email, role: user.role, via: 'session' };
}

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
