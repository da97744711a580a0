import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { findUserById, updateUser } from '@/lib/db/users';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';

/** A person's console settings, stored with their account so they follow them to any browser. */
export interface ConsoleSettings {
  /** Single-key shortcuts (N, A, R, Q on /screen; N, A, M, B, D on /host); off for people who need them off (WCAG 2.1.4). */
  shortcutsEnabled: boolean;
}

const settingsInput = z
  .object({ shortcutsEnabled: z.boolean({ message: 'Say whether single-key shortcuts are on.' }) })
  .strict();

export async function getConsoleSettings(actor: Pick<Actor, 'id'>): Promise<ConsoleSettings> {
  const user = await findUserById(actor.id);
  return { shortcutsEnabled: user?.shortcutsEnabled ?? true };
}

export async function saveConsoleSettings(actor: Pick<Actor, 'id'>, raw: unknown): Promise<ConsoleSettings> {
  const input = parseInput(settingsInput, raw);
  const user = await updateUser(actor.id, { shortcutsEnabled: input.shortcutsEnabled });
  if (!user) throw new AppError('not_found:user', 'Your account was not found. Sign in again.');
  return { shortcutsEnabled: user.shortcutsEnabled };
}
