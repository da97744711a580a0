import { isRehearsal } from '@/lib/telephony/config';

/** Rehearsal mode: no Twilio account configured, so the app talks to the local emulator and seeds a demo. */
export function isRehearsalMode(): boolean {
  return isRehearsal();
}
