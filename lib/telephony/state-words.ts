import type { CallState } from './call-session-machine';

/**
 * Each call state in the words a person reads in messages and on the consoles. Imports only a type, so client
 * components can use it without bundling the state machine or the database schema.
 */
export const STATE_WORDS: Record<CallState, string> = {
  ringing: 'still ringing',
  queued: 'waiting in the queue',
  screening: 'being screened',
  ready: 'on deck',
  on_air: 'on air',
  completed: 'finished',
  rejected: 'rejected',
  abandoned: 'gone (the caller hung up)',
  blocked: 'blocked',
  off_air: 'over (the lines were closed)',
  queue_full: 'over (the queue was full)',
  contest_released: 'over (released after the contest)',
  failed: 'over (the call failed)',
  show_ended: 'over (the show ended)',
  callback: 'waiting for a callback',
  calling_back: 'being called back',
  busy: 'over (busy when called back)',
  no_answer: 'over (no answer when called back)',
};
