import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getBoard } from '@/lib/calls/board';
import { answerIncomingCall } from '@/lib/calls/door';
import { runCallCommand } from '@/lib/calls/commands';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { getDbHandle } from './client';
import { callSessions, shows } from './schema';
import { claimCues, episodePickupPace, listCueCandidates } from './waiting';

let fx: CallFixture;
const db = async () => (await getDbHandle()).db;

beforeAll(() => pointAtUnreachableTwilio());
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture(await db());
});

async function ring(from: string) {
  const { session } = await answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });
  if (!session) throw new Error('no session');
  return session;
}

const consoleVersion = async () =>
  (await (await db()).select({ v: shows.consoleVersion }).from(shows).where(eq(shows.id, fx.show.id)))[0]?.v;

describe('cue bookkeeping', () => {
  it('records a cue once: a second claim of the same change, or one for a caller who moved on, is refused', async () => {
    const a = await ring('+14155550501');
    const b = await ring('+14155550502');
    const before = await consoleVersion();
    const claim = { sessionId: a.id, state: 'queued' as const, seen: null, cue: 'position:1' };
    expect(await claimCues([claim, { sessionId: b.id, state: 'queued', seen: null, cue: 'position:2' }])).toEqual(
      new Set([a.id, b.id]),
    );
    // Another instance that planned from the same snapshot finds the cue already given.
    expect(await claimCues([claim])).toEqual(new Set());
    // Cues are not what consoles show: no console poll is woken by them.
    expect(await consoleVersion()).toBe(before);
    await runCallCommand(fx.screener, b.id, 'pickup').catch(() => undefined);
    expect(await claimCues([{ sessionId: b.id, state: 'queued', seen: 'position:2', cue: 'position:1' }])).toEqual(
      new Set(),
    );
    const rows = await (await db()).select({ id: callSessions.id, cue: callSessions.cue }).from(callSessions);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.cue]))).toEqual({ [a.id]: 'position:1', [b.id]: 'position:2' });
    expect((await listCueCandidates(fx.episode?.id ?? '')).map((c) => [c.id, c.state])).toEqual(
      expect.arrayContaining([
        [a.id, 'queued'],
        [b.id, 'screening'],
      ]),
    );
  });

  it("measures the episode's pick-up pace from its first arrival to its latest pick-up", async () => {
    const episodeId = fx.episode?.id ?? '';
    expect(await episodePickupPace(episodeId)).toEqual({ pickups: 0, firstQueuedAt: null, lastPickupAt: null });
    const a = await ring('+14155550503');
    await ring('+14155550504');
    await runCallCommand(fx.screener, a.id, 'pickup').catch(() => undefined);
    const pace = await episodePickupPace(episodeId);
    expect(pace.pickups).toBe(1);
    expect(pace.firstQueuedAt).toBe(a.queuedAt?.getTime());
    expect(pace.lastPickupAt).toBeGreaterThanOrEqual(pace.firstQueuedAt ?? Infinity);
    // The board gives each waiting caller their place times that pace.
    const perPickup = ((pace.lastPickupAt ?? 0) - (pace.firstQueuedAt ?? 0)) / 1000;
    const { board } = await getBoard(episodeId);
    expect(board.groups.queued.map((c) => c.estimatedWaitSeconds)).toEqual([Math.round(perPickup)]);
  });

  it('gives no estimated wait before the first pick-up', async () => {
    await ring('+14155550505');
    const { board } = await getBoard(fx.episode?.id ?? '');
    expect(board.groups.queued.map((c) => c.estimatedWaitSeconds)).toEqual([null]);
  });
});
