import type { CallEventName } from '@/lib/telephony/call-session-machine';

/** What a Twilio CallStatus means for the session: the caller is gone, the call failed, or nothing yet. */
export function endInputForStatus(status: string): Extract<CallEventName, 'caller_hung_up' | 'failed'> | null {
  switch (status) {
    case 'completed':
    case 'busy':
    case 'no-answer':
    case 'canceled':
      return 'caller_hung_up';
    case 'failed':
      return 'failed';
    default:
      return null;
  }
}
