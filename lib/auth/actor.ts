import { AppError, type ErrorCode } from '@/lib/errors';
import type { Access } from './access';
import { roleAllows, type Role } from './roles';

/** Who is acting: a signed-in person, or an automation using a token a producer issued. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
  via: 'session' | 'token';
}

/** Checks an actor already in hand against a rule whose roles depend on the data (a call command's roles). */
export function assertRole(actor: Pick<Actor, 'role'>, allowed: readonly Role[], code: ErrorCode): void {
  if (!roleAllows(actor.role, allowed)) throw new AppError(code);
}

/** Checks an actor against one of the access rules (lib/auth/access.ts). */
export function assertAccess(actor: Pick<Actor, 'role'>, access: Access): void {
  assertRole(actor, access.roles, access.code);
}
