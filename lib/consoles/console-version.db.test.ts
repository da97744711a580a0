import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq, inArray } from 'drizzle-orm';
import { updateCallCard } from '@/lib/calls/card';
import { handleCallStatus } from '@/lib/calls/callbacks';
import { runCallCommand } from '@/lib/calls/commands';
import { reorderDeck } from '@/lib/calls/deck-order';
import { answerIncomingCall } from '@/lib/calls/door';
import { closeLines, openLines } from '@/lib/calls/lines';
import { WAITING_STATES } from '@/lib/telephony/call-session-machine';
import { getDbHandle } from '@/lib/db/client';
import { callers, callSessions, episodes, shows, users } from '@/lib/db/schema';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { postChatMessage } from './chat';
import { getConsoleView } from './console-data';

let fx: CallFixture;
const db = async () => (await getDbHandle()).db;

beforeAll(() => pointAtUnreachableTwilio());
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture(await db());
});

async function version(showId = fx.show.id): Promise<number> {
  const [row] = await (await db()).select({ v: shows.consoleVersion }).from(shows).where(eq(shows.id, showId));
  return row?.v ?? -1;
}

async function ring(from: string, to = fx.show.phoneNumber) {
  const { session } = await answerIncomingCall({ callSid: newCallSid(), from, to });
  if (!session) throw new Error('no session');
  return session;
}

/** Runs a change and answers whether the show's console version moved. */
async function bumps(change: () => Promise<unknown>): Promise<boolean> {
  const before = await version();
  await change();
  return (await version()) > before;
}

describe("a show's console version", () => {
  it('moves with every change a console shows, in the transaction that makes it', async () => {
    const first = await ring('+14155550101');
    expect(await bumps(() => ring('+14155550102'))).toBe(true);
    expect(await bumps(() => runCallCommand(fx.screener, first.id, 'pickup'))).toBe(true);
    expect(await bumps(() => updateCallCard(fx.screener, first.id, { topic: 'Tides' }))).toBe(true);
    expect(await bumps(() => runCallCommand(fx.screener, first.id, 'approve'))).toBe(true);
    expect(await bumps(() => postChatMessage(fx.host, fx.episode?.id ?? '', { body: 'After the news' }))).toBe(true);
    const second = await ring('+14155550103');
    await runCallCommand(fx.screener, second.id, 'pickup');
    await runCallCommand(fx.screener, second.id, 'approve');
    expect(await bumps(() => reorderDeck(fx.host, fx.episode?.id ?? '', { order: [second.id, first.id] }))).toBe(true);
    expect(
      await bumps(async () =>
        (await db()).update(callers).set({ notes: 'regular' }).where(eq(callers.phoneNumber, '+14155550101')),
      ),
    ).toBe(true);
    expect(
      await bumps(async () => (await db()).update(users).set({ name: 'Sam S.' }).where(eq(users.id, fx.screener.id))),
    ).toBe(true);
    expect(await bumps(() => closeLines(fx.producer, fx.show.id))).toBe(true);
    expect(await bumps(() => openLines(fx.producer, fx.show.id))).toBe(true);
  });

  it('stays put for bookkeeping no console shows, and for other shows', async () => {
    const session = await ring('+14155550104');
    await handleCallStatus({ callSid: session.callSid, callStatus: 'ringing', sequenceNumber: 0 });
    expect(
      await bumps(() => handleCallStatus({ callSid: session.callSid, callStatus: 'in-progress', sequenceNumber: 1 })),
    ).toBe(false);
    const other = await createCallFixture(await db(), { phoneNumber: '+15005550007' });
    expect(await bumps(() => ring('+14155550105', other.show.phoneNumber))).toBe(false);
    expect(await version(other.show.id)).toBeGreaterThan(0);
  });

  it('is what an unchanged poll compares: the ETag moves exactly when the version does', async () => {
    await ring('+14155550106');
    const first = await getConsoleView(fx.screener, fx.show.id);
    expect((await getConsoleView(fx.screener, fx.show.id)).etag).toBe(first.etag);
    await postChatMessage(fx.host, fx.episode?.id ?? '', { body: 'Hello' });
    expect((await getConsoleView(fx.screener, fx.show.id)).etag).not.toBe(first.etag);
  });

  it("makes a host's ETag of the change counter and the reader alone: boards that differ only in hidden digits give the same ETag", async () => {
    // Two shows with the same history, whose callers' numbers share the last four digits the host may see.
    const other = await createCallFixture(await db(), { phoneNumber: '+15005550007' });
    await ring('+14155550199');
    await ring('+19995550199', other.show.phoneNumber);
    const mine = await getConsoleView(fx.host, fx.show.id);
    const theirs = await getConsoleView(fx.host, other.show.id);
    expect(mine.view.board?.groups.queued[0]?.fromNumber).toBe(theirs.view.board?.groups.queued[0]?.fromNumber);
    expect(mine.etag).toBe(theirs.etag);
    // A screener, who sees the whole number, is given a different ETag for the same version.
    expect((await getConsoleView(fx.screener, fx.show.id)).etag).not.toBe(mine.etag);
    expect(mine.etag).not.toContain('4155550199');
  });
});

describe("an episode's waiting count", () => {
  async function counted(episodeId: string) {
    const handle = await db();
    const [kept] = await handle.select({ n: episodes.waiting }).from(episodes).where(eq(episodes.id, episodeId));
    const [real] = await handle
      .select({ n: count() })
      .from(callSessions)
      .where(and(eq(callSessions.episodeId, episodeId), inArray(callSessions.state, [...WAITING_STATES])));
    return { kept: kept?.n, real: real?.n };
  }

  it('agrees with the sessions in a waiting state through arrivals, moves and hang-ups', async () => {
    const episodeId = fx.episode?.id ?? '';
    const a = await ring('+14155550111');
    const b = await ring('+14155550112');
    const c = await ring('+14155550113');
    expect(await counted(episodeId)).toEqual({ kept: 3, real: 3 });
    await runCallCommand(fx.screener, a.id, 'pickup');
    await runCallCommand(fx.screener, a.id, 'approve');
    await runCallCommand(fx.host, a.id, 'air');
    await runCallCommand(fx.screener, b.id, 'reject');
    await handleCallStatus({ callSid: c.callSid, callStatus: 'completed', sequenceNumber: 5 });
    expect(await counted(episodeId)).toEqual({ kept: 0, real: 0 });
    await ring('+14155550114');
    expect(await counted(episodeId)).toEqual({ kept: 1, real: 1 });
  });
});
