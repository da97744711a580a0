import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getBoard } from '@/lib/calls/board';
import { getDbHandle } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { runCallCommand } from './commands';
import { mergeDeckOrder, reorderDeck } from './deck-order';
import { answerIncomingCall } from './door';

let fx: CallFixture;

beforeAll(() => pointAtUnreachableTwilio());
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture((await getDbHandle()).db);
});

async function onDeck(from: string) {
  const { session } = await answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });
  if (!session) throw new Error('no session');
  await runCallCommand(fx.screener, session.id, 'pickup');
  return runCallCommand(fx.screener, session.id, 'approve');
}

const deckIds = async () => (await getBoard(fx.episode?.id ?? '')).board.groups.ready.map((c) => c.id);

describe('deck order', () => {
  it('merges a partial order into the places those callers held', () => {
    expect(mergeDeckOrder(['a', 'b', 'c', 'd'], ['d', 'b'])).toEqual(['a', 'd', 'c', 'b']);
  });

  it('reorders the deck as the host says, without bumping versions, and later approvals join at the end', async () => {
    const a = await onDeck('+14155550101');
    const b = await onDeck('+14155550102');
    const c = await onDeck('+14155550103');
    expect(await deckIds()).toEqual([a.id, b.id, c.id]);
    await reorderDeck(fx.host, fx.episode?.id ?? '', { order: [c.id, a.id] });
    expect(await deckIds()).toEqual([c.id, b.id, a.id]);
    const after = (await getBoard(fx.episode?.id ?? '')).board.groups.ready.find((card) => card.id === c.id);
    expect(after?.version).toBe(c.version);
    const d = await onDeck('+14155550104');
    expect(await deckIds()).toEqual([c.id, b.id, a.id, d.id]);
  });

  it('refuses callers no longer on deck, and screeners', async () => {
    const a = await onDeck('+14155550101');
    await runCallCommand(fx.host, a.id, 'drop');
    await expect(reorderDeck(fx.host, fx.episode?.id ?? '', { order: [a.id] })).rejects.toMatchObject({ status: 409 });
    await expect(reorderDeck(fx.screener, fx.episode?.id ?? '', { order: [a.id] })).rejects.toBeInstanceOf(AppError);
  });
});
