import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { listRegulars, markRegular, unmarkRegular } from '@/lib/db/regulars';
import { AppError } from '@/lib/errors';
import { isWithheldNumber } from '@/lib/telephony/withheld-number';
import { e164, optionalText } from '@/lib/validation/fields';

const WITHHELD_REFUSAL =
  'That is what carriers send for a withheld number; marking it would send every withheld caller to the front.';

export const regularInputSchema = z
  .object({
    phoneNumber: e164.refine((number) => !isWithheldNumber(number), WITHHELD_REFUSAL),
    note: optionalText(300, 'Keep the note under 300 characters.'),
    until: z.iso
      .datetime({ offset: true, message: 'Give the expiry as a date and time with its offset, or leave it empty.' })
      .transform((value) => new Date(value))
      .refine((date) => date.getTime() > Date.now(), 'The expiry must be in the future.')
      .nullable()
      .optional(),
  })
  .strict();

/** Marks a number as a trusted regular: their calls go to the front of the queue with the note on their card. */
export async function addRegular(actor: Actor, raw: z.infer<typeof regularInputSchema>) {
  assertAccess(actor, ACCESS.manageCallers);
  const caller = await markRegular(raw.phoneNumber, { note: raw.note ?? null, until: raw.until ?? null }, actor.id);
  return {
    id: caller.id,
    phoneNumber: caller.phoneNumber,
    note: caller.regularNote,
    until: caller.regularUntil?.toISOString() ?? null,
  };
}

export async function removeRegular(actor: Actor, callerId: string) {
  assertAccess(actor, ACCESS.manageCallers);
  const caller = await unmarkRegular(callerId);
  if (!caller) throw new AppError('not_found:caller', 'That caller was not found.');
  return { id: caller.id, phoneNumber: caller.phoneNumber };
}

/** Every regular, with whether their expiry has passed (then they queue like anyone). */
export async function regularsList(actor: Actor) {
  assertAccess(actor, ACCESS.manageCallers);
  const now = Date.now();
  return (await listRegulars()).map((r) => ({ ...r, expired: r.until !== null && r.until.getTime() <= now }));
}
