'use client';

import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
let current = 0;
let timer: ReturnType<typeof setInterval> | null = null;

function tick() {
  current = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    current = Date.now();
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * The time, ticking once a second, shared by every timer on the page. During hydration it is the server's time
 * of rendering, so the first client render matches the HTML exactly.
 */
export function useNow(serverNow: number): number {
  return useSyncExternalStore(
    subscribe,
    () => current || serverNow,
    () => serverNow,
  );
}
