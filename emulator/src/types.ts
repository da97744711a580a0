export type CallStatus =
  'queued' | 'ringing' | 'in-progress' | 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled';
export type CallDirection = 'inbound' | 'outbound-api' | 'outbound-dial';
export type ConferenceStatus = 'init' | 'in-progress' | 'completed';
export type HttpMethod = 'GET' | 'POST';

export const TERMINAL_CALL_STATUSES: ReadonlySet<CallStatus> = new Set([
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
]);

export interface CallbackConfig {
  url: string;
  method: HttpMethod;
  events: string[];
}

export interface CallRecord {
  sid: string;
  parentCallSid: string | null;
  from: string;
  to: string;
  direction: CallDirection;
  status: CallStatus;
  phoneNumberSid: string | null;
  dateCreated: number;
  dateUpdated: number;
  startTime: number | null;
  answeredAt: number | null;
  endTime: number | null;
  statusCallback: CallbackConfig | null;
  statusSequence: number;
  fallback: { url: string; method: HttpMethod } | null;
  /** What the call's own TwiML is doing when it is not in a conference. */
  activity: Activity;
  micMuted: boolean;
  customParams: Record<string, string>;
  applicationSid: string | null;
}

export type Activity =
  | { kind: 'ringing' }
  | { kind: 'silence'; reason: string }
  | { kind: 'say'; text: string }
  | { kind: 'play'; url: string }
  | { kind: 'conference' };

export interface ConferenceRecord {
  sid: string;
  friendlyName: string;
  status: ConferenceStatus;
  dateCreated: number;
  dateUpdated: number;
  statusCallback: CallbackConfig | null;
  sequence: number;
  reasonEnded: string | null;
  callSidEndingConference: string | null;
  maxParticipants: number;
  /** Calls in join order; only live participants. */
  participantCallSids: string[];
  announcement: { text: string; until: number } | null;
}

export interface ParticipantRecord {
  callSid: string;
  conferenceSid: string;
  label: string | null;
  muted: boolean;
  hold: boolean;
  holdUrl: string | null;
  holdMethod: HttpMethod;
  startConferenceOnEnter: boolean;
  endConferenceOnExit: boolean;
  beep: string;
  coaching: boolean;
  callSidToCoach: string | null;
  /** null = Twilio's default music, '' = silence. */
  waitUrl: string | null;
  waitMethod: HttpMethod;
  status: 'queued' | 'connecting' | 'ringing' | 'connected' | 'complete' | 'failed';
  dateCreated: number;
  dateUpdated: number;
  hangupOnStar: boolean;
  /** A participant-only announcement (Participants API AnnounceUrl) playing now. */
  announcement: string | null;
  /** What the wait or hold TwiML currently plays to this participant. */
  backgroundAudio: { url: string | null; text: string | null };
}

/** Where Twilio sends a call's voice request and status callbacks: the same fields on numbers and TwiML Apps. */
export interface VoiceSettings {
  friendlyName: string;
  voiceUrl: string | null;
  voiceMethod: HttpMethod;
  voiceFallbackUrl: string | null;
  voiceFallbackMethod: HttpMethod;
  statusCallback: string | null;
  statusCallbackMethod: HttpMethod;
  dateUpdated: number;
}

export interface IncomingNumberRecord extends VoiceSettings {
  sid: string;
  phoneNumber: string;
  voiceApplicationSid: string | null;
  dateCreated: number;
}

export interface ApplicationRecord extends VoiceSettings {
  sid: string;
  dateCreated: number;
}

export interface ApiKeyRecord {
  sid: string;
  secret: string;
  friendlyName: string;
  dateCreated: number;
  dateUpdated: number;
}

export type WebhookKind =
  'voice' | 'action' | 'redirect' | 'wait' | 'hold' | 'announce' | 'fallback' | 'status' | 'conference';

export interface WebhookLogEntry {
  id: number;
  kind: WebhookKind;
  callSid: string | null;
  conferenceSid: string | null;
  method: HttpMethod;
  url: string;
  target: string;
  params: Record<string, string>;
  signature: string;
  sentAt: number;
  latencyMs: number | null;
  status: number | null;
  contentType: string | null;
  body: string | null;
  error: string | null;
  fault: string | null;
}

export interface NotificationRecord {
  at: number;
  callSid: string | null;
  code: number;
  message: string;
  url: string | null;
}

export interface NumberPolicy {
  answer: 'answer' | 'busy' | 'no-answer' | 'failed';
  delayMs: number;
}

export interface ClientRegistration {
  identity: string;
  autoAnswer: boolean;
  registeredAt: number;
}
