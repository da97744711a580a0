/**
 * A held console poll: the console sends `Prefer: wait=N` (RFC 7240) with If-None-Match, and the server keeps an
 * unchanged poll open until something changes or N seconds pass, so an idle console costs a request every N
 * seconds instead of every second. The server says `Preference-Applied: wait=N` when it honoured the wait.
 */

/** How long a poll may be held: under the 30 s idle timeout of common proxies and load balancers. */
export const HELD_POLL_MAX_SECONDS = 25;

export function preferWaitHeader(seconds: number): string {
  return `wait=${seconds}`;
}

/** The wait a Prefer header asks for, in whole seconds, at most HELD_POLL_MAX_SECONDS; 0 when it asks for none. */
export function requestedWaitSeconds(prefer: string | null): number {
  if (!prefer) return 0;
  for (const preference of prefer.split(',')) {
    const match = /^\s*wait\s*=\s*"?(\d{1,6})"?\s*(?:;.*)?$/i.exec(preference);
    if (match?.[1]) return Math.min(Number(match[1]), HELD_POLL_MAX_SECONDS);
  }
  return 0;
}

/** True when an answer says the server held (or would have held) the poll. */
export function waitWasApplied(preferenceApplied: string | null): boolean {
  return requestedWaitSeconds(preferenceApplied) > 0;
}
