'use client';

import { useCallback, useEffect, useState } from 'react';
import useSWR from 'swr';
import { consoleViewUrl, type ConsoleView } from '@/lib/consoles/console-view';
import { createEtagFetcher } from '@/lib/consoles/etag-fetcher';
import { HELD_POLL_MAX_SECONDS } from '@/lib/consoles/held-poll';

export const POLL_INTERVAL_MS = 1000;

export interface InitialConsoleView {
  view: ConsoleView;
  etag: string;
}

/**
 * While the page is visible its poll is held by the server until something changes; a hidden tab polls every
 * second instead, so that many open tabs do not use up the browser's six connections to the app.
 */
const heldWhileVisible = () => (document.visibilityState === 'visible' ? HELD_POLL_MAX_SECONDS : 0);

/**
 * The console's live view: the server's first render as fallback data, then polls whose unchanged answers are
 * 304s (the fetcher starts with the server's ETag, so even the first poll can be one). A visible console's poll is
 * held until something changes, and after a change the next poll waits a second, so a busy show costs each
 * console at most one view a second.
 */
export function useConsoleView(showId: string, initial: InitialConsoleView) {
  const url = consoleViewUrl(showId);
  const [{ fetcher, nextPollIn, abortAll }] = useState(() => {
    const created = createEtagFetcher<ConsoleView>(undefined, { waitSeconds: heldWhileVisible });
    created.prime(url, initial.etag, initial.view);
    return created;
  });
  useEffect(() => abortAll, [abortAll]);
  // Stable, because SWR restarts its refresh timer whenever refreshInterval changes.
  const refreshInterval = useCallback(() => nextPollIn(url, POLL_INTERVAL_MS), [nextPollIn, url]);
  const { data, error, mutate }: { data: ConsoleView; error: unknown; mutate: () => Promise<unknown> } = useSWR(
    url,
    fetcher,
    {
      fallbackData: initial.view,
      refreshInterval,
      // Only polls in flight are shared: one that has answered must not stand in for the poll that follows it.
      dedupingInterval: 0,
      refreshWhenHidden: true,
      keepPreviousData: true,
    },
  );
  return {
    view: data,
    error: error instanceof Error ? error : null,
    refresh: () => void mutate(),
    revalidate: async () => void (await mutate()),
  };
}
