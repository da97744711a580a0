import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { AppError } from '@/lib/errors';
import { getDbHandle } from '@/lib/db/client';
import { callEvents, shows } from '@/lib/db/schema';
import { findSession } from '@/lib/db/call-sessions';
import { truncateAll } from '@/tests/support/test-database';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { answerIncomingCall } from './door';
import { runCallCommand } from './commands';
import { updateCallCard } from './card';

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

async function queuedCaller(from = '+14155550123') {
  const { session } = await answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });
  if (!session) throw new Error('no session');
  return session;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('call commands', () => {
  it('moves a caller through the whole show, logging each step with its actor', async () => {
    const session = await queuedCaller();
    const picked = await runCallCommand(fx.screener, session.id, 'pickup', { version: session.version });
    expect(picked).toMatchObject({
      state: 'screening',
      screenerId: fx.screener.id,
      room: `screen-${fx.screener.id}`,
      version: session.version + 1,
    });
    const approved = await runCallCommand(fx.screener, session.id, 'approve', {
      version: picked.version,
      card: { name: 'Ada', topic: 'Bridges', priority: 'high' },
    });
    expect(approved).toMatchObject({
      state: 'ready',
      room: `live-${fx.episode?.id}`,
      muted: true,
      cardName: 'Ada',
      cardTopic: 'Bridges',
      cardPriority: 'high',
    });
    const aired = await runCallCommand(fx.host, session.id, 'air');
    expect(aired).toMatchObject({ state: 'on_air', muted: false, room: approved.room });
    expect((await runCallCommand(fx.host, session.id, 'mute')).muted).toBe(true);
    expect((await runCallCommand(fx.host, session.id, 'unmute')).muted).toBe(false);
    expect(await runCallCommand(fx.host, session.id, 'to_deck')).toMatchObject({ state: 'ready', muted: true });
    await runCallCommand(fx.host, session.id, 'air');
    const dropped = await runCallCommand(fx.host, session.id, 'drop');
    expect(dropped).toMatchObject({ state: 'completed', endReason: 'dropped', room: null });
    const events = await (
      await db()
    )
      .select()
      .from(callEvents)
      .where(eq(callEvents.sessionId, session.id))
      .orderBy(asc(callEvents.id));
    expect(events.map((e) => [e.name, e.fromState, e.toState, e.actorId])).toEqual([
      ['arrived', null, 'queued', null],
      ['pickup', 'queued', 'screening', fx.screener.id],
      ['approve', 'screening', 'ready', fx.screener.id],
      ['air', 'ready', 'on_air', fx.host.id],
      ['mute', 'on_air', 'on_air', fx.host.id],
      ['unmute', 'on_air', 'on_air', fx.host.id],
      ['to_deck', 'on_air', 'ready', fx.host.id],
      ['air', 'ready', 'on_air', fx.host.id],
      ['drop', 'on_air', 'completed', fx.host.id],
    ]);
  });

  it("refuses to put a caller on air past the show's on-air limit, even when two are aired at once, and says what to do", async () => {
    await (await db()).update(shows).set({ onAirLimit: 2 }).where(eq(shows.id, fx.show.id));
    const ready = [];
    for (const from of ['+14155550131', '+14155550132', '+14155550133']) {
      const session = await queuedCaller(from);
      await runCallCommand(fx.screener, session.id, 'pickup');
      ready.push(await runCallCommand(fx.screener, session.id, 'approve'));
    }
    const results = await Promise.allSettled(ready.map((s) => runCallCommand(fx.host, s.id, 'air')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')?.reason as AppError;
    expect(refused.code).toBe('conflict:call_state');
    expect(refused.message).toBe(
      "2 callers are on air, this show's limit. Take someone off air (back to deck or drop) first.",
    );
  });

  it('lets exactly one of two screeners pick up the same caller at the same moment; the other is told why', async () => {
    const session = await queuedCaller();
    const results = await Promise.allSettled([
      runCallCommand(fx.screener, session.id, 'pickup', { version: session.version }),
      runCallCommand(fx.screener2, session.id, 'pickup', { version: session.version }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]?.reason as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('conflict:call_state');
    const winner = (await findSession(session.id))?.screenerId === fx.screener.id ? fx.screener : fx.screener2;
    expect(error.message).toBe(
      `Someone else changed this caller first: the call is now being screened by ${winner.name}.`,
    );
  });

  it('also refuses the second of two pickups that carry no version', async () => {
    const session = await queuedCaller();
    const results = await Promise.allSettled([
      runCallCommand(fx.screener, session.id, 'pickup'),
      runCallCommand(fx.screener2, session.id, 'pickup'),
    ]);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect((lost[0]?.reason as AppError).message).toMatch(
      /^Sam Screener is already screening this caller\.|^Sky Screener is already screening this caller\./,
    );
  });

  it('keeps a screener to one caller at a time, even when two pickups race', async () => {
    const a = await queuedCaller('+14155550124');
    const b = await queuedCaller('+14155550125');
    const results = await Promise.allSettled([
      runCallCommand(fx.screener, a.id, 'pickup'),
      runCallCommand(fx.screener, b.id, 'pickup'),
    ]);
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost).toHaveLength(1);
    expect((lost[0]?.reason as AppError).message).toBe(
      'You are already screening another caller: approve, reject or requeue them first.',
    );
  });

  it('checks roles: screeners do not air, hosts do not pick up', async () => {
    const session = await queuedCaller();
    expect(await failure(runCallCommand(fx.host, session.id, 'pickup'))).toMatchObject({
      status: 403,
      code: 'forbidden:call',
    });
    await runCallCommand(fx.producer, session.id, 'pickup');
    await runCallCommand(fx.producer, session.id, 'approve');
    expect(await failure(runCallCommand(fx.screener, session.id, 'air'))).toMatchObject({ status: 403 });
    expect((await runCallCommand(fx.producer, session.id, 'air')).state).toBe('on_air');
  });

  it('refuses illegal moves and stale versions with a message, changing nothing', async () => {
    const session = await queuedCaller();
    const illegal = await failure(runCallCommand(fx.host, session.id, 'air'));
    expect(illegal).toMatchObject({ status: 409, code: 'conflict:call_state' });
    expect(illegal.message).toBe(
      'Cannot put on air this caller: the call is waiting in the queue, and only a caller on deck can be.',
    );
    const stale = await failure(runCallCommand(fx.screener, session.id, 'pickup', { version: session.version + 5 }));
    expect(stale.message).toBe('Someone else changed this caller first: the call is now waiting in the queue.');
    expect(await findSession(session.id)).toMatchObject({ state: 'queued', version: session.version });
  });

  it('lets only the screener who picked up decide about the caller', async () => {
    const session = await queuedCaller();
    await runCallCommand(fx.screener, session.id, 'pickup');
    expect((await failure(runCallCommand(fx.screener2, session.id, 'approve'))).message).toBe(
      'Sam Screener is screening this caller; only they (or a producer) can decide.',
    );
  });

  it('flags the session for attention, without lying about it, when Twilio cannot be reached', async () => {
    const session = await queuedCaller();
    const picked = await runCallCommand(fx.screener, session.id, 'pickup');
    expect(picked).toMatchObject({ state: 'screening', pendingCommand: 'pickup', confirmedRoom: null });
    expect(picked.attention).toBe('Twilio did not answer in time; retrying shortly.');
  });

  it('edits the card with a version check and remembers the caller', async () => {
    const session = await queuedCaller('+14155550126');
    const edited = await updateCallCard(fx.screener, session.id, {
      name: 'Grace',
      location: 'Arlington',
      comment: 'Navy',
      version: session.version,
    });
    expect(edited).toMatchObject({
      cardName: 'Grace',
      cardLocation: 'Arlington',
      cardComment: 'Navy',
      version: session.version + 1,
    });
    expect(
      (await failure(updateCallCard(fx.screener, session.id, { topic: 'x', version: session.version }))).code,
    ).toBe('conflict:call_state');
    const next = await queuedCaller('+14155550126');
    expect(next).toMatchObject({ cardName: 'Grace', cardLocation: 'Arlington' });
  });
});
