import type { CallState } from '@/lib/telephony/call-session-machine';
import { STATE_WORDS } from '@/lib/telephony/state-words';

/** How a finished call ended, in the words the call flow uses everywhere. */
export function outcomeWords(state: CallState): string {
  return STATE_WORDS[state];
}
