import 'server-only';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { isUniqueViolation } from '@/lib/db/pg-errors';
import type { Show } from '@/lib/db/schema';
import { findShowById, insertShow, updateShowRow } from '@/lib/db/shows';
import { AppError } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse';
import { showInput } from '@/lib/validation/show';
import { assertRehearsalCanRing } from './rehearsal-number';

export async function createShow(actor: Actor, raw: unknown): Promise<Show> {
  assertAccess(actor, ACCESS.runShows);
  const input = parseInput(showInput, raw);
  await assertRehearsalCanRing(input.phoneNumber);
  try {
    return await insertShow(input);
  } catch (error) {
    throw duplicateShowError(error);
  }
}

export async function updateShow(actor: Actor, id: string, raw: unknown): Promise<Show> {
  assertAccess(actor, ACCESS.runShows);
  const input = parseInput(showInput, raw);
  if (!(await findShowById(id))) throw new AppError('not_found:show', 'That show no longer exists.');
  await assertRehearsalCanRing(input.phoneNumber);
  try {
    const show = await updateShowRow(id, input);
    if (!show) throw new AppError('not_found:show', 'That show no longer exists.');
    return show;
  } catch (error) {
    throw duplicateShowError(error);
  }
}

function duplicateShowError(error: unknown): unknown {
  if (isUniqueViolation(error, 'shows_phone_number_unique')) {
    return new AppError('conflict:show', 'Another show already uses that phone number.', {
      cause: error,
      fields: { phoneNumber: ['Another show already uses that phone number.'] },
    });
  }
  if (isUniqueViolation(error, 'shows_slug_unique')) {
    return new AppError('conflict:show', 'Another show already uses that slug.', {
      cause: error,
      fields: { slug: ['Another show already uses that slug.'] },
    });
  }
  return error;
}
