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

export type PromptVerb =
  | { verb: 'Say'; text: string; loop: number }
  | { verb: 'Play'; url: string; loop: number }
  | { verb: 'Pause'; length: number };

/** <Gather input="dtmf">; Twilio's defaults: /docs/voice/twiml/gather (attributes table). */
export interface GatherVerb {
  verb: 'Gather';
  /** null = the URL of the document holding the Gather. */
  action: string | null;
  method: HttpMethod;
  /** Seconds of silence (after the prompt, and between digits) that end the input. */
  timeout: number;
  /** '' = no key ends the input. */
  finishOnKey: string;
  numDigits: number | null;
  actionOnEmptyResult: boolean;
  /** Say, Play and Pause played while waiting; the first digit stops them. */
  prompt: PromptVerb[];
}

export type Verb =
  | PromptVerb
  | GatherVerb
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
  'Record',
  'Enqueue',
  'Leave',
  'Sms',
  'Message',
  'Connect',
  'Start',
  'Stop',
  'Pay',
  'Prompt',
  'Refer',
  'Echo',
  'Queue',
]);

/** The conference events a statusCallbackEvent may name, in <Conference> and in the Participants API alike. */
export const CONFERENCE_EVENT_NAMES = [
  'start',
  'end',
  'join',
  'leave',
  'mute',
  'hold',
  'modify',
  'speaker',
  'announcement',
] as const;
export const CONFERENCE_EVENTS: ReadonlySet<string> = new Set(CONFERENCE_EVENT_NAMES);
