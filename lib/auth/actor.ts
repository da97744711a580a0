import { AppError, type ErrorCode } from '@/lib/errors';
import type { Role } from '@/lib/auth/roles';
import { roleAllows } from './roles';

/** Who is acting: a signed-in person, or an automation using a token a producer issued. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
}

/** Checks an actor already in hand, where the data is touched. */
export function assertRole(actor: Pick<Actor, 'role'>, allowed: readonly Role[], code: ErrorCode = 'forbidden:auth'): void {
  if (!roleAllows(actor.role, allowed)) throw new AppError(code);
}
