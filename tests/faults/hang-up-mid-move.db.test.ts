import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import type { CallState } from '@/lib/telephony/call-session-machine';
import type { CallCommand } from '@/lib/telephony/call-session-machine';
import type { Actor } from '@/lib/auth/actor';
import type { CallFixture } from '@/tests/support/call-fixtures';
import { setUpFaultSuite } from '@/tests/support/fault-suite';

const t = setUpFaultSuite({ faultSeed: 31 });

interface Move {
  command: CallCommand;
  by: (fx: CallFixture) => Actor;
  /** Commands that bring a queued caller to where this move starts. */
  before: CallCommand[];
  /** Either order is possible (the hang-up may reach us before or after the command): both must end truthfully. */
  ends: CallState[];
}

const screener = (fx: CallFixture) => fx.screener;
const host = (fx: CallFixture) => fx.host;
const MOVES: Move[] = [
  { command: 'pickup', by: screener, before: [], ends: ['abandoned'] },
  { command: 'approve', by: screener, before: ['pickup'], ends: ['abandoned'] },
  { command: 'reject', by: screener, before: ['pickup'], ends: ['rejected', 'abandoned'] },
  { command: 'requeue', by: screener, before: ['pickup'], ends: ['abandoned'] },
  { command: 'rescreen', by: screener, before: ['pickup', 'approve'], ends: ['abandoned'] },
  { command: 'air', by: host, before: ['pickup', 'approve'], ends: ['completed', 'abandoned'] },
  { command: 'to_deck', by: host, before: ['pickup', 'approve', 'air'], ends: ['abandoned', 'completed'] },
  { command: 'drop', by: host, before: ['pickup', 'approve', 'air'], ends: ['completed'] },
];

const actorFor = (command: CallCommand, fx: CallFixture) =>
  ['air', 'to_deck', 'drop'].includes(command) ? fx.host : fx.screener;

describe('fault suite: a caller hanging up in the middle of every kind of move', () => {
  for (const move of MOVES) {
    it(`a caller who hangs up right after "${move.command}" is issued, before Twilio confirms it, ends ${move.ends.join(' or ')}, never stranded`, async () => {
      await t.staffIn();
      const caller = await t.ring('+14155550121');
      await t.walk(
        caller,
        move.before.map((command) => [actorFor(command, t.fx), command]),
      );
      // Confirmations arrive late, so the hang-up lands while the move is still unconfirmed.
      await t.h.faults({ callbacks: { kinds: ['status', 'conference'], delayMs: 250 } });
      const issued = t.command(move.by(t.fx), caller, move.command).catch((error: unknown) => {
        // The hang-up may be recorded first; then the move is refused as out of date, which is the truth.
        if (error instanceof AppError && error.code === 'conflict:call_state') return null;
        throw error;
      });
      await t.h.hangUp(caller.callSid);
      await issued;
      await t.expectGuarantees([{ callSid: caller.callSid, ends: move.ends }]);
      expect(t.h.call(caller.callSid).status).toBe('completed');
    });
  }
});
