import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { blockNumber, listBlockedCallers, unblockCaller } from '@/lib/db/block-list';
import { findSession } from '@/lib/db/call-sessions';
import { AppError } from '@/lib/errors';
import { isWithheldNumber } from '@/lib/telephony/withheld-number';
import { e164 } from '@/lib/validation/fields';

const WITHHELD_REFUSAL =
  'This caller withheld their number; blocking it would turn away every caller who withholds theirs.';

const reason = z
  .string()
  .trim()
  .min(1, 'Give a reason, so the next producer knows why.')
  .max(300, 'Keep the reason under 300 characters.');

export const blockInputSchema = z.union([
  z.object({ callId: z.uuid(), reason }).strict(),
  z.object({ phoneNumber: e164.refine((number) => !isWithheldNumber(number), WITHHELD_REFUSAL), reason }).strict(),
]);
export type BlockInput = z.infer<typeof blockInputSchema>;

/** Blocks a caller's number, from a call on the board or typed in; the door then turns their calls away. */
export async function blockCaller(actor: Actor, input: BlockInput) {
  assertAccess(actor, ACCESS.manageCallers);
  let phoneNumber: string;
  if ('callId' in input) {
    const session = await findSession(input.callId);
    if (!session) throw new AppError('not_found:call', 'That call was not found.');
    if (isWithheldNumber(session.fromNumber)) throw new AppError('bad_request:caller', WITHHELD_REFUSAL);
    phoneNumber = session.fromNumber;
  } else {
    phoneNumber = input.phoneNumber;
  }
  const caller = await blockNumber(phoneNumber, input.reason, actor.id);
  return { id: caller.id, phoneNumber: caller.phoneNumber, reason: caller.blockedReason };
}

export async function removeBlock(actor: Actor, callerId: string) {
  assertAccess(actor, ACCESS.manageCallers);
  const caller = await unblockCaller(callerId);
  if (!caller) throw new AppError('not_found:caller', 'That caller was not found.');
  return { id: caller.id, phoneNumber: caller.phoneNumber };
}

export async function blockList(actor: Actor) {
  assertAccess(actor, ACCESS.manageCallers);
  return listBlockedCallers();
}
