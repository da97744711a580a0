import type { HttpMethod } from '../types';

export interface ConferenceNoun {
  name: string;
  muted: boolean;
  beep: 'true' | 'false' | 'onEnter' | 'onExit';
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  waitUrl: string | null;
  waitMethod: HttpMethod;
  maxParticipants: number;
  participantLabel: string | null;
  coach: string | null;
  statusCallback: string | null;
  statusCallbackMethod: HttpMethod;
  statusCallbackEvent: string[];
}

export type Verb =
  | { verb: 'Say'; text: string; loop: number }
  | { verb: 'Play'; url: string; loop: number }
  | { verb: 'Pause'; length: number }
  | { verb: 'Redirect'; url: string; method: HttpMethod }
  | { verb: 'Hangup' }
  | { verb: 'Reject'; reason: 'rejected' | 'busy' }
  | {
      verb: 'Dial';
      action: string | null;
      method: HttpMethod;
      timeLimit: number;
      hangupOnStar: boolean;
      conference: ConferenceNoun;
    };

export type VerbName = Verb['verb'];

/** Verbs Twilio allows in a conference waitUrl document. */
export const WAIT_URL_VERBS: ReadonlySet<VerbName> = new Set(['Play', 'Say', 'Pause', 'Redirect']);

/** Real TwiML verbs the emulator does not run; Twilio would run them, so these fail with a distinct message. */
export const UNSUPPORTED_TWIML_VERBS = new Set([
  'Gather', 'Record', 'Enqueue', 'Leave', 'Sms', 'Message', 'Connect', 'Start', 'Stop', 'Pay', 'Prompt', 'Refer', 'Echo', 'Queue',
]);

export const CONFERENCE_EVENTS = new Set(['start', 'end', 'join', 'leave', 'mute', 'hold', 'modify', 'speaker', 'announcement']);
