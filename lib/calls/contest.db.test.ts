import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { AppError } from '@/lib/errors';
import { getDbHandle } from '@/lib/db/client';
import { callEvents, callSessions, episodes } from '@/lib/db/schema';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { truncateAll } from '@/tests/support/test-database';
import { closeContest, contestStatus, openContest } from './contest';
import { CONTEST_RELEASED_MESSAGE } from './contest-outcome';
import { answerIncomingCall, type DoorResult } from './door';

let fx: CallFixture;
const db = async () => (await getDbHandle()).db;
const episodeId = () => fx.episode?.id ?? '';

beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture(await db(), { maxQueue: 5 });
});

const ring = (from: string) => answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });
const ringMany = (count: number, prefix: string) =>
  Promise.all(Array.from({ length: count }, (_, i) => ring(`+1415${prefix}${String(i).padStart(4, '0')}`)));

async function refusedWith(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error as AppError,
  );
  if (!outcome) throw new Error('expected the call to be refused');
  return outcome;
}

describe('contest mode at the door', () => {
  it('makes exactly the Nth of 40 simultaneous callers the winner, every time, and releases all the others', async () => {
    await ringMany(3, '555');
    for (const [round, target] of [7, 1, 40].entries()) {
      const opened = await openContest(fx.producer, episodeId(), { target });
      const results = await ringMany(40, `66${round}`);
      const winners = results.filter((r) => r.session?.contestWinner);
      expect(winners).toHaveLength(1);
      const winner = winners[0] as DoorResult;
      expect(winner.session).toMatchObject({ state: 'queued', arrivalSeq: opened.winningArrival, contestWinner: true });
      expect(winner.twiml).toContain('contest winner');
      expect(winner.twiml).toContain(`>hold-${winner.session?.id}</Conference>`);
      const released = results.filter((r) => r !== winner);
      expect(released.map((r) => r.decision)).toEqual(Array(39).fill('contest_released'));
      for (const r of released) {
        expect(r.session).toMatchObject({
          state: 'contest_released',
          endReason: 'contest_released',
          room: null,
          contestWinner: false,
        });
        expect(r.twiml).toBe(
          `<?xml version="1.0" encoding="UTF-8"?><Response><Say>${CONTEST_RELEASED_MESSAGE}</Say><Hangup/></Response>`,
        );
      }
      // The 40 callers took 40 consecutive arrival numbers, none twice, right after the opening.
      const start = opened.winningArrival! - target;
      expect(results.map((r) => r.session?.arrivalSeq).sort((a, b) => a! - b!)).toEqual(
        Array.from({ length: 40 }, (_, i) => start + i + 1),
      );
      const status = await contestStatus(fx.producer, episodeId());
      expect(status).toMatchObject({ open: true, target, counted: 40, winnerSessionId: winner.session?.id });
      await closeContest(fx.producer, episodeId());
    }
  });

  it('lets the winner in even when the queue is full', async () => {
    expect((await ringMany(5, '555')).map((r) => r.decision)).toEqual(Array(5).fill('queued'));
    await openContest(fx.producer, episodeId(), { target: 2 });
    const [first, second] = [await ring('+14155550701'), await ring('+14155550702')];
    expect(first.decision).toBe('contest_released');
    expect(second).toMatchObject({ decision: 'queued', session: { contestWinner: true, arrivalSeq: 7 } });
    const [event] = await (
      await db()
    )
      .select()
      .from(callEvents)
      .where(eq(callEvents.sessionId, second.session?.id ?? ''));
    expect(event?.detail).toMatchObject({ decision: 'queued', arrival: 7, contestWinner: true });
  });

  it('resumes normal queueing when the contest closes, queue limit included', async () => {
    await openContest(fx.producer, episodeId(), { target: 3 });
    await ringMany(4, '555');
    const closed = await closeContest(fx.producer, episodeId());
    expect(closed).toMatchObject({ open: false, target: 3, counted: 4 });
    const after = await ringMany(6, '556');
    // The winner waits already, so four more fit under the limit of five.
    expect(after.map((r) => r.decision).sort()).toEqual([
      'queue_full',
      'queue_full',
      'queued',
      'queued',
      'queued',
      'queued',
    ]);
    expect(after.every((r) => r.session?.contestWinner === false)).toBe(true);
    const queued = await (await db()).select().from(callSessions).where(eq(callSessions.state, 'queued'));
    expect(queued.filter((s) => s.contestWinner)).toHaveLength(1);
  });

  it('records a contest opened with no winner yet as counting from the current arrival', async () => {
    await ringMany(2, '555');
    const opened = await openContest(fx.producer, episodeId(), { target: 10 });
    expect(opened).toMatchObject({ open: true, target: 10, counted: 0, winningArrival: 12, winnerSessionId: null });
    const [row] = await (await db()).select().from(episodes).where(eq(episodes.id, episodeId()));
    expect(row).toMatchObject({ contestOpen: true, contestStartArrival: 2, contestTarget: 10 });
  });
});

describe('contest controls', () => {
  it('are for producers only', async () => {
    for (const actor of [fx.host, fx.screener]) {
      expect((await refusedWith(openContest(actor, episodeId(), { target: 5 }))).code).toBe('forbidden:show');
      expect((await refusedWith(closeContest(actor, episodeId()))).code).toBe('forbidden:show');
      expect((await refusedWith(contestStatus(actor, episodeId()))).code).toBe('forbidden:show');
    }
    expect((await contestStatus(fx.producer, episodeId())).open).toBe(false);
    expect((await ring('+14155550801')).decision).toBe('queued');
  });

  it('refuse a second contest while one runs, closing none, and contests on closed lines', async () => {
    await openContest(fx.producer, episodeId(), { target: 5 });
    const twice = await refusedWith(openContest(fx.producer, episodeId(), { target: 6 }));
    expect(twice).toMatchObject({
      code: 'conflict:episode',
      message: 'A contest is already running on this episode (caller number 5 wins). Close it first.',
    });
    await closeContest(fx.producer, episodeId());
    expect((await refusedWith(closeContest(fx.producer, episodeId()))).message).toBe(
      'No contest is running on this episode.',
    );
    await (await db()).update(episodes).set({ closedAt: new Date() }).where(eq(episodes.id, episodeId()));
    expect((await refusedWith(openContest(fx.producer, episodeId(), { target: 5 }))).message).toMatch(
      /^The lines of this episode are closed/,
    );
    expect(
      (await refusedWith(openContest(fx.producer, '00000000-0000-4000-8000-000000000000', { target: 5 }))).code,
    ).toBe('not_found:episode');
  });
});
