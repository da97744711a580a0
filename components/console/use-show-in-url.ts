'use client';

import { useEffect } from 'react';

/**
 * Keeps the console's show in the address (?show=…), so a reload, a bookmark or a second tab opens the same show
 * instead of whichever the server would pick on its own.
 */
export function useShowInUrl(showId: string) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get('show') === showId) return;
    url.searchParams.set('show', showId);
    window.history.replaceState(window.history.state, '', url);
  }, [showId]);
}
