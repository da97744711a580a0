// The call domain's vocabulary (states, state sets, commands, Twilio's ended statuses, end reasons) lives here
// and nowhere else. This module imports no runtime code, so the schema, the SQL filters, client components and
// the bench all derive from it without pulling in the database.
import type { Role } from '@/lib/auth/roles';
import { STATE_WORDS } from './state-words';

/** Every state a call session can be in (the `call_state` enum in the database). */
export const CALL_STATES = [
  'ringing',
  'queued',
  'screening',
  'ready',
  'on_air',
  'completed',
  'rejected',
  'abandoned',
  'blocked',
  'off_air',
  'queue_full',
  'contest_released',
  'failed',
  'show_ended',
  // Asked to be called back: off the phone, keeping their place in the queue.
  'callback',
  // A screener picked a callback caller up: the app is ringing them.
  'calling_back',
  // How a ringback ended when nobody came to the phone (failed is shared with inbound calls).
  'busy',
  'no_answer',
] as const;
export type CallState = (typeof CALL_STATES)[number];

/** States a call never leaves. */
export const TERMINAL_STATES = [
  'completed',
  'rejected',
  'abandoned',
  'blocked',
  'off_air',
  'queue_full',
  'contest_released',
  'failed',
  'show_ended',
  'busy',
  'no_answer',
] as const satisfies readonly CallState[];
const TERMINAL_SET: ReadonlySet<CallState> = new Set(TERMINAL_STATES);
/** States of a call still under way: everything not terminal. */
export const OPEN_STATES: readonly CallState[] = CALL_STATES.filter((state) => !TERMINAL_SET.has(state));
/**
 * Callers who count against a show's queue limit: everyone waiting, not those already on air. A caller waiting
 * for a callback counts too: their place in the queue is kept, so it is still taken.
 */
export const WAITING_STATES: readonly CallState[] = OPEN_STATES.filter((state) => state !== 'on_air');
/** Callers no screener has picked up yet: the consoles' "Waiting" group and the count on a show's tab. */
export const UNSCREENED_STATES = ['ringing', 'queued', 'callback'] as const satisfies readonly CallState[];
/** States a screener can pick a caller up from: waiting on the line, or waiting for a callback. */
export const PICKUP_STATES = ['queued', 'callback'] as const satisfies readonly CallState[];
/** States a screener is busy with: talking to a caller, or ringing one back. */
export const SCREENER_BUSY_STATES = ['screening', 'calling_back'] as const satisfies readonly CallState[];
/** States whose call sits in the episode's live room: on deck or on air. */
export const LIVE_ROOM_STATES = ['ready', 'on_air'] as const satisfies readonly CallState[];

/** Commands people give through the consoles or the JSON API. */
export const CALL_COMMANDS = [
  'pickup',
  'approve',
  'reject',
  'requeue',
  'rescreen',
  'air',
  'to_deck',
  'drop',
  'mute',
  'unmute',
  'cancel_callback',
] as const;
export type CallCommand = (typeof CALL_COMMANDS)[number];

/** What Twilio tells us happened to the caller's leg. */
export const CALL_EVENTS = [
  'caller_hung_up',
  'joined',
  'left',
  'failed',
  /** The caller chose a callback (star, then 1). */
  'callback_requested',
  /** The ringback was answered. */
  'answered',
  /** The ringback ended unanswered (failed is the shared event). */
  'busy',
  'no_answer',
  /** The lines closed while the caller waited for a callback. */
  'lines_closed',
] as const;
export type CallEventName = (typeof CALL_EVENTS)[number];

type EndEvent = Extract<CallEventName, 'caller_hung_up' | 'failed'>;

/** Every CallStatus Twilio sends (docs: /docs/voice/api/call-resource, Status values). */
export const TWILIO_CALL_STATUSES = [
  'queued',
  'initiated',
  'ringing',
  'in-progress',
  'completed',
  'busy',
  'failed',
  'no-answer',
  'canceled',
] as const;

/** Twilio's CallStatus values after which a call is gone for good, and what each means for the session. */
const ENDED_STATUS_INPUT: ReadonlyMap<string, EndEvent> = new Map([
  ['completed', 'caller_hung_up'],
  ['busy', 'caller_hung_up'],
  ['no-answer', 'caller_hung_up'],
  ['canceled', 'caller_hung_up'],
  ['failed', 'failed'],
]);
export const ENDED_CALL_STATUSES: ReadonlySet<string> = new Set(ENDED_STATUS_INPUT.keys());

/** What a Twilio CallStatus means for the session: the caller is gone, the call failed, or nothing yet. */
export function endInputForStatus(status: string): EndEvent | null {
  return ENDED_STATUS_INPUT.get(status) ?? null;
}

/** What the end of a ringback means, by Twilio's CallStatus; anything else is the caller hanging up. */
const RINGBACK_END_INPUT: ReadonlyMap<string, Extract<CallEventName, 'busy' | 'no_answer' | 'failed'>> = new Map([
  ['busy', 'busy'],
  ['no-answer', 'no_answer'],
  ['failed', 'failed'],
]);

export function ringbackEndInput(status: string): Extract<CallEventName, 'busy' | 'no_answer' | 'failed'> | null {
  return RINGBACK_END_INPUT.get(status) ?? null;
}

/** The end reason recorded when Twilio reports the call's end. */
export const END_REASON_FOR_EVENT: Readonly<Record<EndEvent, string>> = {
  caller_hung_up: 'caller_hung_up',
  failed: 'call_failed',
};

/** The end reason of a withheld number turned away at the door by the show's setting (its state is `blocked`). */
export const WITHHELD_REFUSED_REASON = 'withheld_refused';

/** Inputs only the app itself gives, for everyone in an episode at once: no person can send them for one caller. */
export const SYSTEM_INPUTS = ['end_show'] as const;
export type SystemInput = (typeof SYSTEM_INPUTS)[number];

/** The end reason of every call the end of the show released, whatever state it was in. */
export const SHOW_ENDED_REASON = 'show_ended';

export type CallInput = CallCommand | CallEventName | SystemInput;
export const CALL_INPUTS: readonly CallInput[] = [...CALL_COMMANDS, ...CALL_EVENTS, ...SYSTEM_INPUTS];

export type RoomKind = 'hold' | 'screen' | 'live';

/** What Twilio must be told so the call matches the new state. */
export type TwilioEffect =
  | 'none'
  /** The call leaves its conference and asks where it belongs now (call update with our placement URL). */
  | 'move'
  /** A participant update in the live room: mute, unmute, hold or unhold. */
  | 'participant'
  /** The call hears a closing message and hangs up (call update with our placement URL). */
  | 'farewell'
  /** Ring the caller back (an outbound call, through the app's outbound queue). */
  | 'ring'
  /** Stop ringing the caller back (hang up the outbound call, if it was placed). */
  | 'cancel_ring';

export interface SessionSnapshot {
  state: CallState;
  muted: boolean;
}

export interface Transition {
  state: CallState;
  muted: boolean;
  /** The room the call must be in afterwards; null when the call is over or not yet admitted. */
  room: RoomKind | null;
  effect: TwilioEffect;
  /** False when the input changes nothing (a repeated event, a confirmation). */
  changed: boolean;
}

export type TransitionResult = { ok: true; next: Transition } | { ok: false; message: string };

export function isTerminal(state: CallState): boolean {
  return TERMINAL_SET.has(state);
}

export function isInLiveRoom(state: CallState): boolean {
  return (LIVE_ROOM_STATES as readonly CallState[]).includes(state);
}

/** The room a call in this state belongs in. */
export function roomKindFor(state: CallState): RoomKind | null {
  switch (state) {
    case 'queued':
      return 'hold';
    case 'screening':
      return 'screen';
    case 'ready':
    case 'on_air':
      return 'live';
    default:
      return null;
  }
}

/** Who may give each command; producers may give all of them. */
export const COMMAND_ROLES: Record<CallCommand, readonly Role[]> = {
  pickup: ['screener'],
  approve: ['screener'],
  rescreen: ['screener'],
  reject: ['screener', 'host'],
  requeue: ['screener', 'host'],
  air: ['host'],
  to_deck: ['host'],
  drop: ['host'],
  mute: ['host'],
  unmute: ['host'],
  cancel_callback: ['screener'],
};

export function describeState(state: CallState): string {
  return STATE_WORDS[state];
}

const COMMAND_WORDS: Record<CallCommand, string> = {
  pickup: 'pick up',
  approve: 'approve',
  reject: 'reject',
  requeue: 'send back to the queue',
  rescreen: 'screen again',
  air: 'put on air',
  to_deck: 'take off air',
  drop: 'drop',
  mute: 'mute',
  unmute: 'unmute',
  cancel_callback: 'stop calling back',
};

/** States with no call on the line: nothing to tell Twilio when they end. */
const OFF_THE_LINE: ReadonlySet<CallState> = new Set(['callback']);

/** Where each command may start, and where it leads (by starting state, when that decides it). */
const COMMAND_TABLE: Record<
  CallCommand,
  { from: readonly CallState[]; to: CallState | 'same' | Partial<Record<CallState, CallState>> }
> = {
  // Picking up a callback caller rings them back; they reach the screener's room when they answer.
  pickup: { from: PICKUP_STATES, to: { queued: 'screening', callback: 'calling_back' } },
  approve: { from: ['screening'], to: 'ready' },
  reject: { from: ['queued', 'callback', 'screening', 'ready'], to: 'rejected' },
  requeue: { from: ['screening', 'ready'], to: 'queued' },
  rescreen: { from: ['ready'], to: 'screening' },
  air: { from: ['ready'], to: 'on_air' },
  to_deck: { from: ['on_air'], to: 'ready' },
  drop: { from: ['ready', 'on_air'], to: 'completed' },
  mute: { from: ['on_air'], to: 'same' },
  unmute: { from: ['on_air'], to: 'same' },
  cancel_callback: { from: ['calling_back'], to: 'callback' },
};

function commandTransition(snapshot: SessionSnapshot, command: CallCommand): TransitionResult {
  const rule = COMMAND_TABLE[command];
  const { state } = snapshot;
  if (!rule.from.includes(state)) {
    const allowed = rule.from.map(describeState).join(' or ');
    return {
      ok: false,
      message: `Cannot ${COMMAND_WORDS[command]} this caller: the call is ${describeState(state)}, and only a caller ${allowed} can be.`,
    };
  }
  if (command === 'mute' && snapshot.muted) return { ok: false, message: 'This caller is already muted.' };
  if (command === 'unmute' && !snapshot.muted) return { ok: false, message: 'This caller is not muted.' };
  const next = rule.to === 'same' ? state : typeof rule.to === 'string' ? rule.to : (rule.to[state] ?? state);
  const muted = command === 'mute' ? true : command === 'unmute' ? false : next === 'ready';
  const room = roomKindFor(next);
  let effect: TwilioEffect;
  if (next === 'calling_back') effect = 'ring';
  else if (state === 'calling_back') effect = 'cancel_ring';
  else if (OFF_THE_LINE.has(state)) effect = 'none';
  else if (isTerminal(next)) effect = 'farewell';
  else if (room !== roomKindFor(state)) effect = 'move';
  else effect = 'participant';
  return { ok: true, next: { state: next, muted, room, effect, changed: true } };
}

/**
 * The callback events: where each may start and where it leads. Anywhere else it changes nothing: the caller's
 * choice came after a screener picked them up, or the news is about a ringback that was cancelled.
 */
const CALLBACK_EVENT_TABLE: Record<
  Extract<CallEventName, 'callback_requested' | 'answered' | 'busy' | 'no_answer' | 'lines_closed'>,
  { from: CallState; to: CallState }
> = {
  callback_requested: { from: 'queued', to: 'callback' },
  answered: { from: 'calling_back', to: 'screening' },
  busy: { from: 'calling_back', to: 'busy' },
  no_answer: { from: 'calling_back', to: 'no_answer' },
  // Not rung back once the lines are closed: the session ends as a call at a closed line does.
  lines_closed: { from: 'callback', to: 'off_air' },
};

function eventTransition(snapshot: SessionSnapshot, event: CallEventName): TransitionResult {
  const { state, muted } = snapshot;
  const unchanged: Transition = { state, muted, room: roomKindFor(state), effect: 'none', changed: false };
  // Terminal stays terminal: late or repeated news about a finished call changes nothing.
  if (isTerminal(state)) return { ok: true, next: unchanged };
  // The caller's own call ended when they chose the callback: news of its end is expected.
  if (OFF_THE_LINE.has(state) && (event === 'caller_hung_up' || event === 'failed'))
    return { ok: true, next: unchanged };
  switch (event) {
    case 'callback_requested':
    case 'answered':
    case 'busy':
    case 'no_answer':
    case 'lines_closed': {
      const rule = CALLBACK_EVENT_TABLE[event];
      if (state !== rule.from) return { ok: true, next: unchanged };
      return { ok: true, next: { state: rule.to, muted, room: roomKindFor(rule.to), effect: 'none', changed: true } };
    }
    case 'joined':
    case 'left':
      // Confirmations of where the call is; the reconciler, not the state, deals with a call in the wrong room.
      return { ok: true, next: unchanged };
    case 'caller_hung_up': {
      const next: CallState = state === 'on_air' ? 'completed' : 'abandoned';
      return { ok: true, next: { state: next, muted, room: null, effect: 'none', changed: true } };
    }
    case 'failed':
      return { ok: true, next: { state: 'failed', muted, room: null, effect: 'none', changed: true } };
  }
}

/**
 * The show ends: every caller still in the episode hears a goodbye and is released. A caller on air had their
 * conversation, so the call is completed; anyone else never got on and is recorded as released by the show's end.
 */
function endShowTransition(snapshot: SessionSnapshot): TransitionResult {
  const { state, muted } = snapshot;
  if (isTerminal(state)) return { ok: true, next: { state, muted, room: null, effect: 'none', changed: false } };
  const next: CallState = state === 'on_air' ? 'completed' : 'show_ended';
  const effect: TwilioEffect = state === 'calling_back' ? 'cancel_ring' : OFF_THE_LINE.has(state) ? 'none' : 'farewell';
  return { ok: true, next: { state: next, muted: false, room: null, effect, changed: true } };
}

function isCommand(input: CallInput): input is CallCommand {
  return (CALL_COMMANDS as readonly string[]).includes(input);
}

/** The one answer to "what happens to a call in this state when this happens". Pure. */
export function transition(snapshot: SessionSnapshot, input: CallInput): TransitionResult {
  if (input === 'end_show') return endShowTransition(snapshot);
  return isCommand(input) ? commandTransition(snapshot, input) : eventTransition(snapshot, input);
}
