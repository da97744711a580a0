import { LOBBY_ROOM } from '@/lib/telephony/static-audio';
import { expect } from 'vitest';
import type { CallView, Emulator } from '@/emulator';
import { findSessionByCallSid } from '@/lib/db/call-sessions';
import type { CallSession } from '@/lib/db/schema';
import type { CallState } from '@/lib/telephony/call-session-machine';
import { isTerminal } from '@/lib/telephony/call-session-machine';
import { eventually } from './eventually';
import type { RoomSampler } from './room-sampler';

/** The longest a waiting caller may hear nothing, in real milliseconds (timeline times are not scaled). */
export const MAX_SILENCE_MS = 3000;

const ENDED = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

export interface CallerExpectation {
  callSid: string;
  /** The terminal state(s) the state machine allows for what happened to this caller. */
  ends: CallState | readonly CallState[];
}

function roomsHeard(view: CallView): string[] {
  const names = view.timeline.flatMap((segment) =>
    'friendlyName' in segment.hearing ? [segment.hearing.friendlyName] : [],
  );
  return [...new Set(names)];
}

/** Waits until the database has caught up with Twilio about this caller: its session ended, nothing pending. */
export async function sessionSettledAfterEnd(callSid: string, timeoutMs = 15_000): Promise<CallSession> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const session = await findSessionByCallSid(callSid);
    if (session && isTerminal(session.state) && session.pendingCommand === null && session.confirmedRoom === null)
      return session;
    if (Date.now() > deadline) {
      const seen = session && {
        state: session.state,
        endReason: session.endReason,
        pendingCommand: session.pendingCommand,
        confirmedRoom: session.confirmedRoom,
        attention: session.attention,
      };
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for the session of ${callSid} to end with nothing pending; last saw ${JSON.stringify(seen)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The three guarantees of every fault scenario: each caller ends in a terminal state that matches what Twilio
 * (the emulator) says happened, no caller heard more than 3 s of silence, and no caller was ever in two rooms
 * (nor in a room that is not its own hold room, a screening room, the episode's live room, or the lobby where a call
 * waits with hold music while the app cannot answer its voice webhook; the lobby never starts, so nobody hears anyone).
 */
export async function expectGuarantees(input: {
  emulator: Emulator;
  sampler: RoomSampler;
  callers: CallerExpectation[];
  episodeId: string;
}): Promise<void> {
  await input.sampler.stop();
  for (const { callSid, ends } of input.callers) {
    await eventually(
      () => ENDED.has(input.emulator.call(callSid)?.status ?? ''),
      `the emulator to end ${callSid}`,
      15_000,
    );
    const session = await sessionSettledAfterEnd(callSid);
    const allowed: readonly CallState[] = typeof ends === 'string' ? [ends] : ends;
    expect(allowed, `${callSid} ended as ${session.state} (${session.endReason ?? ''})`).toContain(session.state);
    const view = input.emulator.call(callSid);
    if (!view) throw new Error(`the emulator forgot ${callSid}`);
    expect(view.silence.longestMs, `${callSid} heard silence for ${view.silence.longestMs} ms`).toBeLessThanOrEqual(
      MAX_SILENCE_MS,
    );
    const ownRooms = roomsHeard(view).filter(
      (room) =>
        room !== `hold-${session.id}` &&
        room !== `live-${input.episodeId}` &&
        !room.startsWith('screen-') &&
        room !== LOBBY_ROOM,
    );
    expect(ownRooms, `${callSid} was in rooms that are not its own`).toEqual([]);
  }
  expect(input.sampler.violations, 'callers seen in two rooms at once').toEqual([]);
  expect(input.sampler.samples).toBeGreaterThan(10);
  for (const { callSid } of input.callers)
    expect(input.emulator.state().participants.some((p) => p.callSid === callSid)).toBe(false);
}
