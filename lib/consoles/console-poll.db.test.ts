import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { getDbHandle, queryRows } from '@/lib/db/client';
import { consoleChangeMark, waitForConsoleChange } from '@/lib/db/console-changes';
import { revokeSession } from '@/lib/db/users';
import { setTeamMemberDisabled } from '@/lib/team/manage-team';
import { createCallFixture, type CallFixture } from '@/tests/support/call-fixtures';
import { requestScope } from '@/tests/support/request-scope';
import { truncateAll } from '@/tests/support/test-database';
import { postChatMessage } from './chat';
import { getConsoleView } from './console-data';
import { pollConsole } from './console-poll';

vi.mock('next/headers', () => import('@/tests/support/next-headers-stub'));

/**
 * A held console poll (Prefer: wait) answers as soon as something its reader sees changes, in the same process
 * or another (Postgres tells every listener at commit), stays held through changes that are not theirs, and
 * hears 401 at once when its reader's access is taken away.
 */

const SECRET = 'console-poll-test-secret-0123456789abcdef';
let fx: CallFixture;

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});
beforeEach(async () => {
  const handle = await getDbHandle();
  await truncateAll(handle);
  fx = await createCallFixture(handle.db);
});

/** A signed-in browser of `actor`: the Auth.js session cookie as the app issues it. */
async function signedIn(actor: Actor) {
  const sid = randomUUID();
  const token = await encode({
    token: { uid: actor.id, role: actor.role, epoch: 0, sid },
    secret: SECRET,
    salt: 'authjs.session-token',
  });
  return { sid, headers: new Headers({ cookie: `authjs.session-token=${token}` }) };
}

/** The console's poll of its show as that browser, with the ETag it was last given. */
function poll(browser: { headers: Headers }, etag: string, waitSeconds: number, signal?: AbortSignal) {
  return requestScope.run(browser.headers, () =>
    pollConsole({ showId: fx.show.id, ifNoneMatch: etag, waitSeconds, signal }),
  );
}

describe('a held console poll', () => {
  it('answers the new view as soon as a change is committed, long before its wait runs out', async () => {
    const browser = await signedIn(fx.screener);
    const { etag } = await getConsoleView(fx.screener, fx.show.id);
    const held = poll(browser, etag, 20);
    await postChatMessage(fx.host, fx.episode?.id ?? '', { body: 'Traffic after the break' });
    const answer = await held;
    expect(answer.changed).toBe(true);
    expect(answer.held).toBe(true);
    expect(answer.etag).not.toBe(etag);
    expect(answer.changed && answer.view.messages.map((m) => m.body)).toEqual(['Traffic after the break']);
  });

  it('answers unchanged when its wait runs out with nothing new, having waited the whole time', async () => {
    const browser = await signedIn(fx.host);
    const { etag } = await getConsoleView(fx.host, fx.show.id);
    const started = Date.now();
    const answer = await poll(browser, etag, 1);
    expect(answer).toEqual({ changed: false, etag, held: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('stays held through a notification that changes nothing its reader sees (someone else disabled)', async () => {
    const browser = await signedIn(fx.host);
    const { etag } = await getConsoleView(fx.host, fx.show.id);
    const started = Date.now();
    const held = poll(browser, etag, 2);
    await setTeamMemberDisabled(fx.producer, { userId: fx.screener2.id, disabled: true });
    expect(await held).toEqual({ changed: false, etag, held: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it("hears 401 as soon as its reader's session is signed out, and nothing of the board", async () => {
    const browser = await signedIn(fx.screener);
    const { etag } = await getConsoleView(fx.screener, fx.show.id);
    const refused = expect(poll(browser, etag, 20)).rejects.toMatchObject({ code: 'unauthorized:auth' });
    await revokeSession(browser.sid, new Date(Date.now() + 60_000));
    await refused;
  });

  it("hears 401 as soon as its reader's account is disabled", async () => {
    const browser = await signedIn(fx.screener);
    const { etag } = await getConsoleView(fx.screener, fx.show.id);
    const refused = expect(poll(browser, etag, 20)).rejects.toMatchObject({ code: 'unauthorized:auth' });
    await setTeamMemberDisabled(fx.producer, { userId: fx.screener.id, disabled: true });
    await refused;
  });

  it('lets go at once, unchanged, when the console goes away', async () => {
    const browser = await signedIn(fx.host);
    const { etag } = await getConsoleView(fx.host, fx.show.id);
    const gone = new AbortController();
    const held = poll(browser, etag, 20, gone.signal);
    gone.abort();
    expect(await held).toEqual({ changed: false, etag, held: true });
  });

  it('without Prefer: wait answers at once, as a plain conditional poll', async () => {
    const browser = await signedIn(fx.host);
    const { etag } = await getConsoleView(fx.host, fx.show.id);
    expect(await poll(browser, etag, 0)).toEqual({ changed: false, etag, held: false });
    expect((await poll(browser, '"stale"', 0)).changed).toBe(true);
  });
});

describe('console change notifications', () => {
  it('wake a wait for a change committed after its mark, and not for one committed before it', async () => {
    await postChatMessage(fx.host, fx.episode?.id ?? '', { body: 'Before the mark' });
    // The notification of the commit above may still be on its way: let it land before taking the mark.
    const settled = await consoleChangeMark();
    if (!settled) throw new Error('this database cannot listen');
    await waitForConsoleChange(settled, 300);
    const mark = await consoleChangeMark();
    if (!mark) throw new Error('this database cannot listen');
    expect(await waitForConsoleChange(mark, 300)).toBe(false);
    const waiting = waitForConsoleChange(mark, 20_000);
    await postChatMessage(fx.host, fx.episode?.id ?? '', { body: 'After the mark' });
    expect(await waiting).toBe(true);
    // A change already notified since the mark answers at once.
    expect(await waitForConsoleChange(mark, 20_000)).toBe(true);
  });

  it.skipIf(process.env.TEST_DB_KIND !== 'postgres')(
    'a listen whose connection drops wakes every held wait when it is back, and later changes wake waits again',
    async () => {
      const first = await consoleChangeMark();
      if (!first) throw new Error('this database cannot listen');
      const waiting = waitForConsoleChange(first, 20_000);
      // What a database restart or a network cut does to the connection that listens.
      const { db } = await getDbHandle();
      const cut = await queryRows(
        db,
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and query = 'listen "console_changed"'`,
        [],
      );
      expect(cut).toHaveLength(1);
      expect(await waiting, 'woken: notifications sent while it was away may be lost').toBe(true);
      const mark = await consoleChangeMark();
      if (!mark) throw new Error('this database cannot listen');
      const next = waitForConsoleChange(mark, 20_000);
      await postChatMessage(fx.host, fx.episode?.id ?? '', { body: 'Still listening' });
      expect(await next).toBe(true);
    },
  );
});
