import 'server-only';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, requireActorWithConsoleVersion } from '@/lib/auth/guard';
import { consoleChangeMark, waitForConsoleChange } from '@/lib/db/console-changes';
import { AppError } from '@/lib/errors';
import { getConsoleView } from './console-data';
import type { ConsoleView } from './console-view';
import { consoleEtag, etagMatches } from './etag';

export type ConsolePollAnswer =
  { changed: false; etag: string; held: boolean } | { changed: true; view: ConsoleView; etag: string; held: boolean };

/** True once this process is stopping: a poll's answer should then close its connection. */
export { stopping as closeConnectionAfterPoll } from '@/lib/db/console-changes';

/**
 * A console's poll of a show. Each check reads the signed-in reader and the console version in one statement;
 * while the reader's ETag is still current and `waitSeconds` has not run out, the poll is held and checked again
 * only when a change is notified (a change a console shows, or someone's access taken away), so an idle console
 * costs one statement per held poll. `held` says whether the wait could be honoured.
 */
export async function pollConsole(input: {
  showId: string;
  ifNoneMatch: string | null;
  waitSeconds: number;
  signal?: AbortSignal;
}): Promise<ConsolePollAnswer> {
  const deadline = Date.now() + input.waitSeconds * 1000;
  let mark = input.waitSeconds > 0 ? await consoleChangeMark() : null;
  const held = mark !== null;
  for (;;) {
    const { actor, consoleVersion } = await requireActorWithConsoleVersion(input.showId);
    assertAccess(actor, ACCESS.handleCalls);
    if (consoleVersion === null) throw new AppError('not_found:show', 'That show was not found.');
    const etag = consoleEtag(consoleVersion, actor);
    if (!etagMatches(input.ifNoneMatch, etag))
      return { changed: true, ...(await getConsoleView(actor, input.showId)), held };
    const left = deadline - Date.now();
    if (!mark || left <= 0 || !(await waitForConsoleChange(mark, left, input.signal)))
      return { changed: false, etag, held };
    mark = await consoleChangeMark();
  }
}
