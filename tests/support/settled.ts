import { findSessionByCallSid } from '@/lib/db/call-sessions';
import type { CallSession } from '@/lib/db/schema';
import { eventually } from './eventually';

/**
 * Waits until a call has settled: no command in flight, its room confirmed by Twilio, and the phone network
 * (`roomOf`, the emulator's view) agreeing that the call is in that room.
 */
export function settled(
  callSid: string,
  roomOf: (callSid: string) => string | null | undefined,
  what: string,
  timeoutMs: number,
): Promise<CallSession> {
  return eventually(
    async () => {
      const s = await findSessionByCallSid(callSid);
      return s && s.pendingCommand === null && s.confirmedRoom === s.room && roomOf(callSid) === s.room ? s : null;
    },
    what,
    timeoutMs,
  );
}
