import 'server-only';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { releaseStaffMember } from '@/lib/calls/staff-legs';
import { countActiveProducers } from '@/lib/db/team';
import { findUserById, insertUser, toPublicUser, updateUser, type PublicUser } from '@/lib/db/users';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';
import { createTeamMemberInput, resetPasswordInput, setDisabledInput, setRoleInput } from '@/lib/validation/team';

export async function createTeamMember(actor: Actor, raw: unknown): Promise<PublicUser> {
  assertAccess(actor, ACCESS.manageTeam);
  const input = parseInput(createTeamMemberInput, raw);
  const user = await insertUser({ ...input, passwordHash: await hashPassword(input.password) });
  if (!user) {
    throw new AppError('conflict:user', 'Someone on the team already uses that email.', {
      fields: { email: ['Someone on the team already uses that email.'] },
    });
  }
  return toPublicUser(user);
}

export async function setTeamMemberRole(actor: Actor, raw: unknown): Promise<PublicUser> {
  assertAccess(actor, ACCESS.manageTeam);
  const input = parseInput(setRoleInput, raw);
  const user = await existingUser(input.userId);
  if (user.role === 'producer' && input.role !== 'producer') await keepOneProducer(user.id);
  return toPublicUser((await updateUser(user.id, { role: input.role })) ?? user);
}

export async function setTeamMemberDisabled(actor: Actor, raw: unknown): Promise<PublicUser> {
  assertAccess(actor, ACCESS.manageTeam);
  const input = parseInput(setDisabledInput, raw);
  const user = await existingUser(input.userId);
  if (input.disabled && user.id === actor.id) {
    throw new AppError('bad_request:team', 'You cannot disable your own account; ask another producer.');
  }
  if (input.disabled && user.role === 'producer') await keepOneProducer(user.id);
  const updated = (await updateUser(user.id, { disabled: input.disabled })) ?? user;
  if (input.disabled) await releaseStaffMember(user.id, 'the screener was disabled');
  return toPublicUser(updated);
}

export async function resetTeamMemberPassword(actor: Actor, raw: unknown): Promise<PublicUser> {
  assertAccess(actor, ACCESS.manageTeam);
  const input = parseInput(resetPasswordInput, raw);
  const user = await existingUser(input.userId);
  return toPublicUser((await updateUser(user.id, { passwordHash: await hashPassword(input.password) })) ?? user);
}

async function existingUser(id: string) {
  const user = await findUserById(id);
  if (!user) throw new AppError('not_found:user', 'That team member no longer exists.');
  return user;
}

async function keepOneProducer(leavingId: string): Promise<void> {
  if ((await countActiveProducers(leavingId)) === 0) {
    throw new AppError(
      'conflict:team',
      'The team needs at least one active producer. Make someone else a producer first.',
    );
  }
}
