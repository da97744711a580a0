import 'server-only';
import { AppError } from '@/lib/errors';
import { isRehearsal } from '@/lib/env';
import { twilioClient } from '@/lib/telephony/twilio-client';

// Twilio's (and the emulator's) error code for a number that cannot be bought.
const NUMBER_NOT_AVAILABLE = 21422;

/**
 * In rehearsal the only phones that ring are the emulator's, and it rings only numbers it owns: a show on any
 * other number could never receive a call, so it is refused in words. The emulator itself is asked (a number it
 * owns but has not handed out yet is taken now, as rehearsal would do a moment later anyway). When the emulator
 * is not running there is nothing to ask, and the number is accepted.
 */
export async function assertRehearsalCanRing(phoneNumber: string): Promise<void> {
  if (!isRehearsal()) return;
  const client = twilioClient();
  try {
    const found = await client.incomingPhoneNumbers.list({ phoneNumber, limit: 20 });
    if (found.some((n) => n.phoneNumber === phoneNumber)) return;
    await client.incomingPhoneNumbers.create({ phoneNumber });
  } catch (error) {
    if ((error as { code?: number }).code !== NUMBER_NOT_AVAILABLE) return;
    const message = `${phoneNumber} cannot ring in rehearsal mode: use a number the Twilio emulator owns (+15005550006 to +15005550009 unless EMULATOR_NUMBERS says otherwise).`;
    throw new AppError('bad_request:show', message, { fields: { phoneNumber: [message] } });
  }
}
