'use client';

import { useCallback, useRef } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';

/**
 * Saves deck orders one at a time, newest last. Quick key presses used to send overlapping requests whose answers
 * (and writes) could land out of order, so an earlier order briefly, or for good, replaced a later one. Now a
 * move made while one is being saved waits, and only the latest waiting order is sent after it. The promise
 * settles once every move so far is saved and the board has been fetched again.
 */
export function useDeckReorder(
  episodeId: string | null,
  revalidate: () => Promise<void>,
  onError: (message: string) => void,
) {
  const waiting = useRef<string[] | null>(null);
  const saving = useRef<Promise<void> | null>(null);

  return useCallback(
    (order: string[]): Promise<void> => {
      if (!episodeId) return Promise.resolve();
      waiting.current = order;
      saving.current ??= (async () => {
        try {
          // A move made while the board is being fetched again goes out in another round.
          while (waiting.current) {
            for (let next: string[] | null = waiting.current; next; next = waiting.current) {
              waiting.current = null;
              try {
                await sendJson(`/api/episodes/${episodeId}/deck-order`, 'PUT', { order: next });
              } catch (e) {
                onError(e instanceof Error ? e.message : 'The new order was not saved.');
              }
            }
            await revalidate();
          }
        } finally {
          saving.current = null;
        }
      })();
      return saving.current;
    },
    [episodeId, revalidate, onError],
  );
}
