import type { CallState } from '@/lib/db/schema';

/**
 * How a finished call ended, in the words the call-flow uses (describeState), kept here so client components
 * need not bundle the state machine and, through it, the database schema.
 */
const WORDS: Partial<Record<CallState, string>> = {
  completed: 'finished',
  rejected: 'rejected',
  abandoned: 'gone (the caller hung up)',
  blocked: 'blocked',
  off_air: 'over (the lines were closed)',
  queue_full: 'over (the queue was full)',
  contest_released: 'over (released after the contest)',
  failed: 'over (the call failed)',
};

export function outcomeWords(state: CallState): string {
  return WORDS[state] ?? state.replace(/_/g, ' ');
}
