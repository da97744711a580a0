import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDbHandle } from '@/lib/db/client';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { getBoard } from './board';
import { runCallCommand } from './commands';
import { answerIncomingCall } from './door';
import { closeLines, openLines } from './lines';

let fx: CallFixture;

beforeAll(() => {
  pointAtUnreachableTwilio();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
beforeEach(async () => {
  const handle = await getDbHandle();
  await truncateAll(handle);
  fx = await createCallFixture(handle.db);
});

describe('closing and opening the lines (issue 11, finding 3)', () => {
  it('keeps a caller who was being screened visible when the lines are closed and opened again, so the screener can go on', async () => {
    const { session } = await answerIncomingCall({
      callSid: newCallSid(),
      from: '+14155550140',
      to: fx.show.phoneNumber,
    });
    if (!session) throw new Error('no session');
    await runCallCommand(fx.screener, session.id, 'pickup');
    const closed = await closeLines(fx.producer, fx.show.id);
    const reopened = await openLines(fx.producer, fx.show.id);
    expect(reopened.id).toBe(closed.id);
    expect(reopened.closedAt).toBeNull();
    const { board } = await getBoard(reopened.id);
    expect(board.groups.screening.map((c) => c.id)).toEqual([session.id]);
    // The screener finishes with that caller instead of being stuck "already screening another caller".
    await expect(runCallCommand(fx.screener, session.id, 'approve')).resolves.toMatchObject({ state: 'ready' });
  });

  it('starts a new, empty episode when nobody is left in the last one', async () => {
    const closed = await closeLines(fx.producer, fx.show.id);
    const next = await openLines(fx.producer, fx.show.id);
    expect(next.id).not.toBe(closed.id);
    const { board } = await getBoard(next.id);
    expect(Object.values(board.groups).flat()).toEqual([]);
  });
});
