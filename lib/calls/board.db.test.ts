import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@/lib/errors';
import { getDbHandle } from '@/lib/db/client';
import { truncateAll } from '@/tests/support/test-database';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { getConsoleView } from '@/lib/consoles/console-data';
import { etagMatches } from '@/lib/consoles/etag';
import { getBoard } from './board';
import { updateCallCard } from './card';
import { runCallCommand } from './commands';
import { answerIncomingCall } from './door';
import { closeLines, openLines } from './lines';

let fx: CallFixture;
const db = async () => (await getDbHandle()).db;

beforeAll(() => {
  pointAtUnreachableTwilio();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture(await db(), { open: false });
});

async function ring(from: string) {
  const result = await answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });
  if (!result.session) throw new Error('no session');
  return result.session;
}

describe('lines and the board', () => {
  it('opens the lines once, for producers only, and closes them', async () => {
    await expect(openLines(fx.host, fx.show.id)).rejects.toMatchObject({ status: 403, code: 'forbidden:show' });
    const episode = await openLines(fx.producer, fx.show.id, { title: 'Monday' });
    expect(episode).toMatchObject({ showId: fx.show.id, title: 'Monday', closedAt: null, openedBy: fx.producer.id });
    const again = await openLines(fx.producer, fx.show.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect(again).toMatchObject({ status: 409, message: 'The lines of Test Call-In are already open.' });
    expect((await ring('+14155550160')).state).toBe('queued');
    const closed = await closeLines(fx.producer, fx.show.id);
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect((await ring('+14155550161')).state).toBe('off_air');
    await expect(closeLines(fx.producer, fx.show.id)).rejects.toMatchObject({ status: 409 });
  });

  it('groups the calls by state, with an ETag that changes exactly when the board does', async () => {
    const etag = async () => (await getConsoleView(fx.screener, fx.show.id)).etag;
    const episode = await openLines(fx.producer, fx.show.id);
    const a = await ring('+14155550162');
    const b = await ring('+14155550163');
    const c = await ring('+14155550164');
    await runCallCommand(fx.screener, b.id, 'pickup');
    await runCallCommand(fx.screener2, c.id, 'pickup');
    await runCallCommand(fx.screener2, c.id, 'approve', { card: { name: 'Cy', topic: 'Tides' } });
    await runCallCommand(fx.screener, b.id, 'reject');
    const first = { ...(await getBoard(episode.id)), etag: await etag() };
    expect(first.board.groups.queued.map((card) => card.id)).toEqual([a.id]);
    expect(first.board.groups.screening).toEqual([]);
    expect(first.board.groups.ready).toMatchObject([
      {
        id: c.id,
        card: { name: 'Cy', topic: 'Tides' },
        screener: { id: fx.screener2.id, name: 'Sky Screener' },
        muted: true,
      },
    ]);
    expect(first.board.ended).toMatchObject([{ id: b.id, state: 'rejected' }]);
    expect(first.board.groups.queued[0]?.caller).toMatchObject({ callCount: 1, airedCount: 0 });

    const unchanged = { etag: await etag() };
    expect(unchanged.etag).toBe(first.etag);
    expect(etagMatches(first.etag, unchanged.etag)).toBe(true);
    expect(etagMatches(`W/${first.etag}, "other"`, unchanged.etag)).toBe(true);
    expect(etagMatches(null, unchanged.etag)).toBe(false);

    await updateCallCard(fx.screener, a.id, { comment: 'regular caller' });
    const changed = { ...(await getBoard(episode.id)), etag: await etag() };
    expect(changed.etag).not.toBe(first.etag);
    expect(changed.board.groups.queued[0]?.card.comment).toBe('regular caller');
  });

  it('answers 404 for an unknown episode', async () => {
    await expect(getBoard('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      status: 404,
      code: 'not_found:episode',
    });
  });
});
