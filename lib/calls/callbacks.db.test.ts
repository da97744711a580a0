import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db/client';
import { callEvents, type CallSession } from '@/lib/db/schema';
import { findSession, updateSession } from '@/lib/db/call-sessions';
import { truncateAll } from '@/tests/support/test-database';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { answerIncomingCall } from './door';
import {
  handleCallStatus,
  handleConferenceStatus,
  type CallStatusCallback,
  type ConferenceCallback,
} from './callbacks';
import { runCallCommand } from './commands';

let fx: CallFixture;
const db = async () => (await getDbHandle()).db;

beforeAll(() => {
  pointAtUnreachableTwilio();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture(await db());
});

async function queuedCaller(): Promise<CallSession> {
  const { session } = await answerIncomingCall({
    callSid: newCallSid(),
    from: '+14155550150',
    to: fx.show.phoneNumber,
  });
  if (!session) throw new Error('no session');
  return session;
}

const status = (session: CallSession, callStatus: string, sequenceNumber: number): CallStatusCallback => ({
  callSid: session.callSid,
  callStatus,
  sequenceNumber,
});
const participant = (
  session: CallSession,
  event: string,
  room: string,
  conferenceSid: string,
  sequenceNumber: number,
  extra: Partial<ConferenceCallback> = {},
): ConferenceCallback => ({
  conferenceSid,
  friendlyName: room,
  event,
  sequenceNumber,
  callSid: session.callSid,
  muted: false,
  hold: false,
  ...extra,
});

type Delivery = { kind: 'status'; cb: CallStatusCallback } | { kind: 'conference'; cb: ConferenceCallback };
async function deliver(batch: Delivery[]): Promise<void> {
  for (const d of batch) {
    if (d.kind === 'status') await handleCallStatus(d.cb);
    else await handleConferenceStatus(d.cb);
  }
}

function essence(s: CallSession | undefined) {
  return (
    s && {
      state: s.state,
      room: s.room,
      confirmedRoom: s.confirmedRoom,
      conferenceSid: s.conferenceSid,
      pendingCommand: s.pendingCommand,
      lastStatusSequence: s.lastStatusSequence,
      endReason: s.endReason,
    }
  );
}

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const HOLD_CONF = `CF${'a'.repeat(32)}`;
const SCREEN_CONF = `CF${'b'.repeat(32)}`;

describe('Twilio callbacks', () => {
  it('records a redelivered callback once and changes nothing the second time', async () => {
    const session = await queuedCaller();
    const cb = participant(session, 'participant-join', session.room ?? '', HOLD_CONF, 1);
    expect(await handleConferenceStatus(cb)).toBe('applied');
    const after = await findSession(session.id);
    for (let i = 0; i < 5; i++) expect(await handleConferenceStatus(cb)).toBe('duplicate');
    expect(await findSession(session.id)).toEqual(after);
    expect(after).toMatchObject({ confirmedRoom: session.room, conferenceSid: HOLD_CONF });
    const rows = await (await db()).select().from(callEvents).where(eq(callEvents.name, 'participant-join'));
    expect(rows).toHaveLength(1);
  });

  it('orders call status callbacks by SequenceNumber and keeps the end terminal', async () => {
    const session = await queuedCaller();
    await deliver([
      { kind: 'status', cb: status(session, 'completed', 3) },
      { kind: 'status', cb: status(session, 'in-progress', 1) },
      { kind: 'status', cb: status(session, 'ringing', 0) },
    ]);
    expect(await findSession(session.id)).toMatchObject({
      state: 'abandoned',
      lastStatusSequence: 3,
      endReason: 'caller_hung_up',
    });
  });

  it('keeps a rejected call rejected when its hang-up arrives, and clears the pending farewell', async () => {
    const session = await queuedCaller();
    await runCallCommand(fx.screener, session.id, 'reject');
    expect(await findSession(session.id)).toMatchObject({ state: 'rejected', pendingCommand: 'reject' });
    await handleCallStatus(status(session, 'completed', 5));
    expect(await findSession(session.id)).toMatchObject({
      state: 'rejected',
      pendingCommand: null,
      endReason: 'rejected',
    });
  });

  it('ends an on-air caller who hangs up as completed, from the conference leave alone', async () => {
    const session = await queuedCaller();
    await runCallCommand(fx.screener, session.id, 'pickup');
    await runCallCommand(fx.screener, session.id, 'approve');
    await runCallCommand(fx.host, session.id, 'air');
    const live = `live-${fx.episode?.id}`;
    await handleConferenceStatus(
      participant(session, 'participant-leave', live, `CF${'c'.repeat(32)}`, 9, {
        reasonParticipantLeft: 'participant_hung_up',
      }),
    );
    expect(await findSession(session.id)).toMatchObject({
      state: 'completed',
      endReason: 'caller_hung_up',
      confirmedRoom: null,
    });
  });

  it('reaches the same end state from every order of a batch of callbacks, with redeliveries', async () => {
    const session = await queuedCaller();
    const hold = session.room ?? '';
    const screen = `screen-${fx.screener.id}`;
    await runCallCommand(fx.screener, session.id, 'pickup');
    const batch: Delivery[] = [
      { kind: 'conference', cb: participant(session, 'participant-join', hold, HOLD_CONF, 1) },
      {
        kind: 'conference',
        cb: participant(session, 'participant-leave', hold, HOLD_CONF, 2, {
          reasonParticipantLeft: 'participant_updated_via_api',
        }),
      },
      { kind: 'conference', cb: participant(session, 'participant-join', screen, SCREEN_CONF, 4) },
      { kind: 'status', cb: status(session, 'in-progress', 1) },
    ];
    const snapshot = await findSession(session.id);
    const outcomes = new Set<string>();
    for (const order of permutations(batch)) {
      await (await db()).delete(callEvents).where(eq(callEvents.sessionId, session.id));
      await updateSession(
        session.id,
        {
          confirmedRoom: null,
          conferenceSid: null,
          pendingCommand: snapshot?.pendingCommand ?? null,
          lastStatusSequence: -1,
        },
        await db(),
      );
      await deliver([...order, ...order.slice(0, 2)]);
      outcomes.add(JSON.stringify(essence(await findSession(session.id))));
    }
    expect([...outcomes]).toEqual([
      JSON.stringify({
        state: 'screening',
        room: screen,
        confirmedRoom: screen,
        conferenceSid: SCREEN_CONF,
        pendingCommand: null,
        lastStatusSequence: 1,
        endReason: null,
      }),
    ]);
  });

  it('keeps a callback for a call with no session yet, attached to nothing', async () => {
    const callSid = newCallSid();
    expect(await handleCallStatus({ callSid, callStatus: 'ringing', sequenceNumber: 0 })).toBe('orphan');
    const [row] = await (await db()).select().from(callEvents).where(eq(callEvents.callSid, callSid));
    expect(row).toMatchObject({ sessionId: null, name: 'status:ringing', dedupeKey: `status:${callSid}:0:ringing` });
  });
});
