import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerIncomingCall } from '@/lib/calls/door';
import { runCallCommand } from '@/lib/calls/commands';
import { getDbHandle } from '@/lib/db/client';
import { AppError } from '@/lib/errors';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { postChatMessage } from './chat';
import { getConsoleView, pickConsoleShowId } from './console-data';

let fx: CallFixture;

beforeAll(() => pointAtUnreachableTwilio());
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture((await getDbHandle()).db);
});

async function ring(from: string) {
  const { session } = await answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });
  if (!session) throw new Error('no session');
  return session;
}

describe('console view', () => {
  it('gives screeners the full number and hosts only the last four digits', async () => {
    await ring('+14155550123');
    const screener = await getConsoleView(fx.screener, fx.show.id);
    const host = await getConsoleView(fx.host, fx.show.id);
    expect(screener.view.board?.groups.queued[0]?.fromNumber).toBe('+14155550123');
    expect(host.view.board?.groups.queued[0]?.fromNumber).toBe('••• 0123');
    expect(JSON.stringify(host.view)).not.toContain('4155550123');
    expect(host.etag).not.toBe(screener.etag);
  });

  it('keeps its ETag while nothing changes and changes it when something does', async () => {
    const session = await ring('+14155550123');
    const first = await getConsoleView(fx.screener, fx.show.id);
    expect((await getConsoleView(fx.screener, fx.show.id)).etag).toBe(first.etag);
    await runCallCommand(fx.screener, session.id, 'pickup');
    const picked = await getConsoleView(fx.screener, fx.show.id);
    expect(picked.etag).not.toBe(first.etag);
    expect(picked.view.board?.groups.screening[0]?.screener?.id).toBe(fx.screener.id);
    await postChatMessage(fx.host, fx.episode?.id ?? '', { body: 'Next after the break' });
    const chatted = await getConsoleView(fx.screener, fx.show.id);
    expect(chatted.etag).not.toBe(picked.etag);
    expect(chatted.view.messages).toMatchObject([
      { body: 'Next after the break', author: { id: fx.host.id, role: 'host' } },
    ]);
  });

  it('shows the latest episode after the lines close, and no board before any episode', async () => {
    const closed = await getConsoleView(fx.screener, fx.show.id);
    expect(closed.view.linesOpen).toBe(true);
    const other = await createCallFixture((await getDbHandle()).db, { phoneNumber: '+15005550007', open: false });
    const none = await getConsoleView(fx.screener, other.show.id);
    expect(none.view).toMatchObject({ linesOpen: false, board: null, messages: [] });
    expect(await pickConsoleShowId(undefined)).toBe(fx.show.id);
    expect(await pickConsoleShowId(other.show.id)).toBe(other.show.id);
  });

  it('refuses an unknown show with a 404 in words', async () => {
    const error = await getConsoleView(fx.screener, '00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(404);
  });
});
