import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDbHandle } from '@/lib/db/client';
import { findSession } from '@/lib/db/call-sessions';
import { callers } from '@/lib/db/schema';
import { answerIncomingCall } from '@/lib/calls/door';
import { handleCallStatus, handleConferenceStatus } from '@/lib/calls/callbacks';
import { answerPlacementRequest } from '@/lib/calls/placement';
import { runCallCommand } from '@/lib/calls/commands';
import { closeLines } from '@/lib/calls/lines';
import { reconcileOnce } from '@/lib/calls/reconciler';
import { blockCaller } from '@/lib/producer/block-list';
import { eventually } from '@/tests/support/eventually';
import { newCallSid } from '@/tests/support/call-fixtures';
import { SHOW_NUMBER, setUpCallFlowSuite } from '@/tests/support/call-flow-suite';

/**
 * Caller numbers never reach the logs: a show's log is read by whoever runs the server, and a phone number is
 * personal data. Every console method is captured while a call is driven through the door, the callbacks, the
 * commands (with the phone network failing under them), the reconciler and the refusals.
 */

const t = setUpCallFlowSuite();
const db = async () => (await getDbHandle()).db;
const LEVELS = ['debug', 'log', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];
let lines: { level: Level; text: string }[] = [];

beforeEach(() => {
  lines = [];
  for (const level of LEVELS) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push({ level, text: args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 6 }))).join(' ') });
    });
  }
});

afterEach(() => {
  for (const level of LEVELS) vi.mocked(console[level]).mockRestore();
  // The suite's own silencing of warnings stays in place for the other hooks.
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

function mentioning(number: string, levels: readonly Level[]): string[] {
  const digits = number.replace(/\D/g, '');
  return lines
    .filter(
      (l) =>
        levels.includes(l.level) && (l.text.includes(number) || l.text.replace(/\D/g, '').includes(digits.slice(-10))),
    )
    .map((l) => `${l.level}: ${l.text.slice(0, 300)}`);
}

async function staffIn() {
  const hostLeg = await t.h.connectBrowser(t.fx.host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
  const screenerLeg = await t.h.connectBrowser(t.fx.screener);
  await eventually(() => t.h.call(hostLeg).room && t.h.call(screenerLeg).room, 'staff browsers in their rooms');
  return { hostLeg, screenerLeg };
}

describe('caller numbers in the logs', () => {
  it('a call rung, screened, put on air and dropped (with the phone network failing under the moves) logs nothing with the caller’s number', async () => {
    const number = '+14155557391';
    const { screenerLeg } = await staffIn();
    await t.h.control('POST', '/_emulator/faults', {
      seed: 3,
      rest: { status: 500, count: 2, probability: 1, methods: ['POST'] },
    });
    const callSid = await t.h.ring(number, SHOW_NUMBER);
    const session = await t.session(callSid);
    await runCallCommand(t.fx.screener, session.id, 'pickup').catch(() => undefined);
    await t.h.control('DELETE', '/_emulator/faults');
    await reconcileOnce({ graceMs: 0 });
    await eventually(async () => (await findSession(session.id))?.state === 'screening', 'the caller screening');
    await t.settled(callSid, 'the caller with the screener');
    await runCallCommand(t.fx.screener, session.id, 'approve', { card: { name: 'Pat', topic: 'privacy' } });
    await t.settled(callSid, 'the caller on deck');
    await runCallCommand(t.fx.host, session.id, 'air');
    await t.settled(callSid, 'the caller on air');
    await t.h.hangUp(screenerLeg);
    await runCallCommand(t.fx.host, session.id, 'drop');
    await eventually(() => t.h.call(callSid).status === 'completed', 'the call to end');
    await reconcileOnce({ graceMs: 0 });

    expect(lines.length, 'the capture saw what the app logged while the network failed').toBeGreaterThan(0);
    expect(mentioning(number, ['debug', 'log', 'info'])).toEqual([]);
    expect(mentioning(number, ['warn', 'error']), 'better never, even in warnings and errors').toEqual([]);
  });

  it('a caller hanging up while queued, and while being screened by a browser that vanished, logs nothing with the number', async () => {
    const number = '+14155557392';
    const { screenerLeg } = await staffIn();
    const first = await t.h.ring(number, SHOW_NUMBER);
    await t.settled(first, 'the first call in its hold room');
    await t.h.hangUp(first);
    const second = await t.h.ring(number, SHOW_NUMBER);
    const session = await t.session(second);
    await t.settled(second, 'the second call in its hold room');
    await runCallCommand(t.fx.screener, session.id, 'pickup');
    await t.settled(second, 'the second call with the screener');
    await t.h.hangUp(screenerLeg);
    await t.settled(second, 'the second call back in the queue');
    await t.h.hangUp(second);
    await eventually(async () => (await findSession(session.id))?.state === 'abandoned', 'the second call abandoned');

    expect(mentioning(number, ['debug', 'log', 'info'])).toEqual([]);
    expect(mentioning(number, ['warn', 'error']), 'better never, even in warnings and errors').toEqual([]);
  });

  it('the door turning callers away (blocked, queue full, off air, unknown number) and stray callbacks log nothing with the number', async () => {
    const blocked = '+14155557393';
    await blockCaller(t.fx.producer, { phoneNumber: blocked, reason: 'testing the logs' });
    expect((await answerIncomingCall({ callSid: newCallSid(), from: blocked, to: SHOW_NUMBER })).decision).toBe(
      'blocked',
    );

    const unknown = '+14155557394';
    expect((await answerIncomingCall({ callSid: newCallSid(), from: unknown, to: '+15005550099' })).decision).toBe(
      'unknown_number',
    );

    const stray = newCallSid();
    await handleCallStatus({ callSid: stray, callStatus: 'completed', sequenceNumber: 3 });
    await handleConferenceStatus({
      conferenceSid: `CF${'a'.repeat(32)}`,
      friendlyName: 'hold-00000000-0000-4000-8000-000000000000',
      event: 'participant-leave',
      sequenceNumber: 1,
      callSid: stray,
      reasonParticipantLeft: 'participant_hung_up',
    });
    await answerPlacementRequest({ callSid: stray, callStatus: 'completed', dialCallStatus: 'answered', moved: false });

    const late = '+14155557395';
    if (t.fx.episode) await closeLines(t.fx.producer, t.fx.show.id);
    expect((await answerIncomingCall({ callSid: newCallSid(), from: late, to: SHOW_NUMBER })).decision).toBe('off_air');

    for (const number of [blocked, unknown, late]) {
      expect(mentioning(number, ['debug', 'log', 'info'])).toEqual([]);
      expect(mentioning(number, ['warn', 'error']), 'better never, even in warnings and errors').toEqual([]);
    }
    expect(await (await db()).select().from(callers)).not.toHaveLength(0);
  });
});
