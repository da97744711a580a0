'use client';

import { useSyncExternalStore } from 'react';
import { formatLocalTime } from '@/lib/consoles/times';

const subscribe = () => () => {};

/**
 * A moment in the viewer's time zone, with the zone named. The server does not know the viewer's zone, so its
 * HTML says UTC, and the browser replaces it with local time as soon as it hydrates.
 */
export function LocalTime({
  at,
  seconds,
  date = true,
  className,
}: {
  at: string;
  seconds?: boolean;
  date?: boolean;
  className?: string;
}) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return (
    <time dateTime={at} className={className}>
      {formatLocalTime(at, { date, seconds, timeZone: inBrowser ? undefined : 'UTC' })}
    </time>
  );
}
