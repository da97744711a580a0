import { preferWaitHeader } from '@/lib/consoles/held-poll';
import type { ConsoleView } from '@/lib/consoles/console-view';

export interface ConsolePoller {
  statuses: number[];
  /** The view of the last 200 answer. */
  lastView: ConsoleView | null;
  stop(): Promise<void>;
}

/**
 * A console polling one instance's console view with the ETag it was last given, as SWR would: every `everyMs`,
 * or, with `holdSeconds`, a poll held by the server (Prefer: wait) as a visible console's is, asked again at once.
 */
export function pollBoard(url: string, token: string, options: { everyMs?: number; holdSeconds?: number } = {}) {
  const { everyMs = 250, holdSeconds = 0 } = options;
  const poller: ConsolePoller = { statuses: [], lastView: null, stop: async () => undefined };
  const stopped = new AbortController();
  let etag: string | null = null;
  const loop = (async () => {
    while (!stopped.signal.aborted) {
      try {
        const response: Response = await fetch(url, {
          headers: {
            authorization: `Bearer ${token}`,
            ...(etag ? { 'if-none-match': etag } : {}),
            ...(holdSeconds > 0 ? { prefer: preferWaitHeader(holdSeconds) } : {}),
          },
          signal: stopped.signal,
        });
        poller.statuses.push(response.status);
        if (response.status === 200) {
          etag = response.headers.get('etag');
          poller.lastView = (await response.json()) as ConsoleView;
        } else await response.arrayBuffer();
      } catch {
        if (!stopped.signal.aborted) poller.statuses.push(0);
      }
      // A held poll is asked again at once; the floor keeps a server that does not hold from being hammered.
      await new Promise((resolve) => setTimeout(resolve, holdSeconds > 0 ? 20 : everyMs));
    }
  })();
  poller.stop = async () => {
    stopped.abort();
    await loop;
  };
  return poller;
}
