import { describe, expect, it } from 'vitest';
import { CALL_STATES, type CallState } from './call-session-machine';
import {
  CALL_COMMANDS,
  CALL_EVENTS,
  CALL_INPUTS,
  COMMAND_ROLES,
  isTerminal,
  OPEN_STATES,
  ringbackEndInput,
  roomKindFor,
  SYSTEM_INPUTS,
  transition,
  type CallCommand,
  type CallEventName,
  type RoomKind,
  type TwilioEffect,
  UNSCREENED_STATES,
  WAITING_STATES,
} from './call-session-machine';

type Row = {
  from: CallState;
  muted?: boolean;
  to: CallState;
  muted_after: boolean;
  room: RoomKind | null;
  effect: TwilioEffect;
};

// The legal command moves, written out from ARCHITECTURE.md's diagram; every other (state, command) pair must fail.
const LEGAL: Record<CallCommand, Row[]> = {
  pickup: [
    { from: 'queued', to: 'screening', muted_after: false, room: 'screen', effect: 'move' },
    { from: 'callback', to: 'calling_back', muted_after: false, room: null, effect: 'ring' },
  ],
  approve: [{ from: 'screening', to: 'ready', muted_after: true, room: 'live', effect: 'move' }],
  reject: [
    { from: 'queued', to: 'rejected', muted_after: false, room: null, effect: 'farewell' },
    // Nobody is on the line to say goodbye to.
    { from: 'callback', to: 'rejected', muted_after: false, room: null, effect: 'none' },
    { from: 'screening', to: 'rejected', muted_after: false, room: null, effect: 'farewell' },
    { from: 'ready', to: 'rejected', muted_after: false, room: null, effect: 'farewell' },
  ],
  requeue: [
    { from: 'screening', to: 'queued', muted_after: false, room: 'hold', effect: 'move' },
    { from: 'ready', to: 'queued', muted_after: false, room: 'hold', effect: 'move' },
  ],
  rescreen: [{ from: 'ready', to: 'screening', muted_after: false, room: 'screen', effect: 'move' }],
  air: [{ from: 'ready', to: 'on_air', muted_after: false, room: 'live', effect: 'participant' }],
  to_deck: [
    { from: 'on_air', to: 'ready', muted_after: true, room: 'live', effect: 'participant' },
    { from: 'on_air', muted: true, to: 'ready', muted_after: true, room: 'live', effect: 'participant' },
  ],
  drop: [
    { from: 'ready', to: 'completed', muted_after: false, room: null, effect: 'farewell' },
    { from: 'on_air', to: 'completed', muted_after: false, room: null, effect: 'farewell' },
  ],
  mute: [{ from: 'on_air', muted: false, to: 'on_air', muted_after: true, room: 'live', effect: 'participant' }],
  unmute: [{ from: 'on_air', muted: true, to: 'on_air', muted_after: false, room: 'live', effect: 'participant' }],
  cancel_callback: [{ from: 'calling_back', to: 'callback', muted_after: false, room: null, effect: 'cancel_ring' }],
};

function legalRow(command: CallCommand, state: CallState, muted: boolean): Row | undefined {
  return LEGAL[command].find((row) => row.from === state && (row.muted === undefined || row.muted === muted));
}

describe('call session machine: commands', () => {
  for (const command of CALL_COMMANDS) {
    for (const state of CALL_STATES) {
      for (const muted of [false, true]) {
        const row = legalRow(command, state, muted);
        it(`${command} from ${state}${muted ? ' (muted)' : ''} ${row ? `-> ${row.to}` : 'is refused'}`, () => {
          const result = transition({ state, muted }, command);
          if (!row) {
            expect(result.ok).toBe(false);
            if (!result.ok) {
              expect(result.message.length).toBeGreaterThan(20);
              expect(result.message).not.toMatch(/undefined|_/);
            }
            return;
          }
          expect(result).toEqual({
            ok: true,
            next: { state: row.to, muted: row.muted_after, room: row.room, effect: row.effect, changed: true },
          });
        });
      }
    }
  }

  it('explains an illegal move in words a person understands', () => {
    const result = transition({ state: 'screening', muted: false }, 'pickup');
    expect(result).toEqual({
      ok: false,
      message:
        'Cannot pick up this caller: the call is being screened, and only a caller waiting in the queue or waiting for a callback can be.',
    });
  });

  it('gives every command to a role', () => {
    for (const command of CALL_COMMANDS) expect(COMMAND_ROLES[command].length).toBeGreaterThan(0);
  });
});

/** The callback events' moves, written out; in every other open state they change nothing. */
const CALLBACK_EVENT_MOVES: Partial<Record<CallEventName, [CallState, CallState][]>> = {
  callback_requested: [['queued', 'callback']],
  answered: [['calling_back', 'screening']],
  busy: [['calling_back', 'busy']],
  no_answer: [['calling_back', 'no_answer']],
  lines_closed: [['callback', 'off_air']],
};

describe('call session machine: Twilio events', () => {
  for (const event of CALL_EVENTS) {
    for (const state of CALL_STATES) {
      for (const muted of [false, true]) {
        it(`${event} in ${state}${muted ? ' (muted)' : ''}`, () => {
          const result = transition({ state, muted }, event);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          const { next } = result;
          expect(next.effect).toBe('none');
          expect(next.muted).toBe(muted);
          const moves = CALLBACK_EVENT_MOVES[event];
          const unchanged = { state, muted, room: roomKindFor(state), effect: 'none', changed: false };
          if (moves) {
            const to = moves.find(([from]) => from === state)?.[1];
            expect(next).toEqual(
              to ? { state: to, muted, room: roomKindFor(to), effect: 'none', changed: true } : unchanged,
            );
          } else if (isTerminal(state) || event === 'joined' || event === 'left' || state === 'callback') {
            // A callback caller's own call ended when they chose it: its hang-up or failure is expected.
            expect(next).toEqual(unchanged);
          } else if (event === 'failed') {
            expect(next).toMatchObject({ state: 'failed', room: null, changed: true });
          } else {
            expect(next).toMatchObject({
              state: state === 'on_air' ? 'completed' : 'abandoned',
              room: null,
              changed: true,
            });
          }
        });
      }
    }
  }
});

describe('call session machine: the end of the show', () => {
  // Written out, so a new open state fails here until someone decides how the show's end releases it.
  const ENDS: Record<string, CallState> = {
    ringing: 'show_ended',
    queued: 'show_ended',
    screening: 'show_ended',
    ready: 'show_ended',
    on_air: 'completed',
    callback: 'show_ended',
    calling_back: 'show_ended',
  };
  // Nobody is on the line of a caller waiting for a callback; a ringback under way is stopped.
  const EFFECTS: Partial<Record<CallState, TwilioEffect>> = { callback: 'none', calling_back: 'cancel_ring' };

  it('knows where every open state goes when the show ends', () => {
    expect([...OPEN_STATES].sort()).toEqual(Object.keys(ENDS).sort());
  });

  for (const state of OPEN_STATES) {
    for (const muted of [false, true]) {
      it(`releases a caller ${state}${muted ? ' (muted)' : ''} as ${ENDS[state]} with a goodbye`, () => {
        expect(transition({ state, muted }, 'end_show')).toEqual({
          ok: true,
          next: { state: ENDS[state], muted: false, room: null, effect: EFFECTS[state] ?? 'farewell', changed: true },
        });
      });
    }
  }

  it('leaves a finished call as it was', () => {
    for (const state of CALL_STATES.filter(isTerminal)) {
      expect(transition({ state, muted: false }, 'end_show')).toEqual({
        ok: true,
        next: { state, muted: false, room: null, effect: 'none', changed: false },
      });
    }
  });

  it('is not a command anyone can give for one caller', () => {
    for (const input of SYSTEM_INPUTS) {
      expect((CALL_COMMANDS as readonly string[]).includes(input)).toBe(false);
      expect(Object.keys(COMMAND_ROLES)).not.toContain(input);
    }
  });
});

describe('call session machine: callbacks', () => {
  it('keeps a callback caller waiting (for the queue limit) and in the waiting list, but not the ringing one', () => {
    expect(WAITING_STATES).toEqual(expect.arrayContaining(['callback', 'calling_back']));
    expect(UNSCREENED_STATES).toContain('callback');
    expect(UNSCREENED_STATES).not.toContain('calling_back');
  });

  it('ends a ringback in the state that matches what the phone network said', () => {
    expect(ringbackEndInput('busy')).toBe('busy');
    expect(ringbackEndInput('no-answer')).toBe('no_answer');
    expect(ringbackEndInput('failed')).toBe('failed');
    expect(ringbackEndInput('completed')).toBeNull();
    expect(ringbackEndInput('canceled')).toBeNull();
  });
});

describe('call session machine: properties', () => {
  it('never leaves a terminal state, whatever comes in', () => {
    for (const state of CALL_STATES.filter(isTerminal)) {
      for (const input of CALL_INPUTS) {
        const result = transition({ state, muted: false }, input);
        if (result.ok) expect(result.next.state).toBe(state);
      }
    }
  });

  it('always names the room of the state it leads to', () => {
    for (const state of CALL_STATES) {
      for (const input of CALL_INPUTS) {
        const result = transition({ state, muted: false }, input);
        if (result.ok) expect(result.next.room).toBe(roomKindFor(result.next.state));
      }
    }
  });
});
