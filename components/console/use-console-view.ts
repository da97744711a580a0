'use client';

import { useState } from 'react';
import useSWR from 'swr';
import { consoleViewUrl, type ConsoleView } from '@/lib/consoles/console-view';
import { createEtagFetcher } from '@/lib/consoles/etag-fetcher';

export const POLL_INTERVAL_MS = 1000;

export interface InitialConsoleView {
  view: ConsoleView;
  etag: string;
}

/**
 * The console's live view: the server's first render as fallback data, then a poll every second whose unchanged
 * answers are 304s (the fetcher starts with the server's ETag, so even the first poll can be one).
 */
export function useConsoleView(showId: string, initial: InitialConsoleView) {
  const url = consoleViewUrl(showId);
  const [{ fetcher }] = useState(() => {
    const created = createEtagFetcher<ConsoleView>();
    created.prime(url, initial.etag, initial.view);
    return created;
  });
  const { data, error, mutate }: { data: ConsoleView; error: unknown; mutate: () => Promise<unknown> } = useSWR(
    url,
    fetcher,
    {
      fallbackData: initial.view,
      refreshInterval: POLL_INTERVAL_MS,
      dedupingInterval: POLL_INTERVAL_MS / 2,
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
