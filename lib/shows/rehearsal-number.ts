import 'server-only';
import { AppError } from '@/lib/errors';
import { isRehearsal } from '@/lib/env';
import { twilioClient } from '@/lib/telephony/twilio-client';

/**
 * In rehearsal the only phones that ring are the emulator's, and it rings only numbers it owns: a show on any
 * other number could never receive a call, so it is refused with the numbers that would work. When the emulator
 * is not running there is nothing to compare with, and the number is accepted.
 */
export async function assertRehearsalCanRing(phoneNumber: string): Promise<void> {
  if (!isRehearsal()) return;
  let owned: string[];
  try {
    owned = (await twilioClient().incomingPhoneNumbers.list({ limit: 100 })).map((n) => n.phoneNumber);
  } catch {
    return;
  }
  if (owned.includes(phoneNumber)) return;
  const message = `In rehearsal mode only the emulator's numbers ring: use one of ${owned.join(', ') || 'its numbers'}.`;
  throw new AppError('bad_request:show', message, { fields: { phoneNumber: [message] } });
}
