import { preferWaitHeader, waitWasApplied } from './held-poll';

/** What the app's JSON API says when it refuses: {error:{code,message}}. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const UNREACHABLE_MESSAGE = 'Cannot reach Switchboard. Check the network connection; trying again.';

const STATUS_WORDS: Record<number, string> = {
  401: 'Your session has ended. Sign in again.',
  403: 'Your role does not allow this.',
  404: 'That was not found; it may have ended.',
  409: 'Someone else changed this first.',
  429: 'Too many attempts. Wait a moment and try again.',
};

/** The message a person should read for a refused request. */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  let code: string | null = null;
  let message: string | undefined;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string' && body.error.message) message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page, say): fall back to words for the status.
  }
  const fallback =
    STATUS_WORDS[response.status] ??
    (response.status >= 500 ? 'The server had a problem. Try again in a moment.' : 'That did not work.');
  return new ApiError(message ?? fallback, response.status, code);
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** After a held poll ran out with nothing new, the next one starts this soon (a floor, not a schedule). */
const AFTER_HELD_POLL_MS = 50;

/**
 * A fetcher for SWR that sends If-None-Match with the ETag of the last answer for the URL, and on 304 returns
 * that answer's data again, so an unchanged poll costs no body and causes no re-render. With `waitSeconds`, each
 * poll also asks the server to hold an unchanged answer that long (lib/consoles/held-poll.ts); a newer poll of the
 * same URL, or `abortAll`, lets go of a poll still held.
 */
export function createEtagFetcher<T>(
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
  options: { waitSeconds?: () => number } = {},
) {
  const cache = new Map<string, { etag: string; data: T }>();
  const inFlight = new Map<string, AbortController>();
  const heldThenUnchanged = new Set<string>();
  const fetcher = async (url: string): Promise<T> => {
    const cached = cache.get(url);
    const waitSeconds = cached ? (options.waitSeconds?.() ?? 0) : 0;
    inFlight.get(url)?.abort();
    const controller = new AbortController();
    inFlight.set(url, controller);
    heldThenUnchanged.delete(url);
    try {
      let response: Response;
      try {
        response = await fetchImpl(url, {
          headers: {
            ...(cached ? { 'if-none-match': cached.etag } : {}),
            ...(waitSeconds > 0 ? { prefer: preferWaitHeader(waitSeconds) } : {}),
          },
          cache: 'no-store',
          credentials: 'same-origin',
          signal: controller.signal,
        });
      } catch {
        // Let go of by a newer poll or by abortAll: whatever the newer poll answers counts, this one changes nothing.
        if (controller.signal.aborted && cached) return cached.data;
        throw new ApiError(UNREACHABLE_MESSAGE, 0, null);
      }
      if (response.status === 304 && cached) {
        if (waitSeconds > 0 && waitWasApplied(response.headers.get('preference-applied'))) heldThenUnchanged.add(url);
        return cached.data;
      }
      if (!response.ok) throw await apiErrorFrom(response);
      let data: T;
      try {
        data = (await response.json()) as T;
      } catch (error) {
        if (controller.signal.aborted && cached) return cached.data;
        throw error;
      }
      const etag = response.headers.get('etag');
      if (etag) cache.set(url, { etag, data });
      else cache.delete(url);
      return data;
    } finally {
      if (inFlight.get(url) === controller) inFlight.delete(url);
    }
  };
  /** Lets a server-rendered first view count as the last answer, so the first poll can already be a 304. */
  const prime = (url: string, etag: string, data: T) => void cache.set(url, { etag, data });
  /**
   * When to poll the URL again: at once after a held poll that ran out with nothing new (the server already
   * waited), else after `intervalMs`, so a busy show refreshes a console at most that often.
   */
  const nextPollIn = (url: string, intervalMs: number) =>
    heldThenUnchanged.has(url) ? AFTER_HELD_POLL_MS : intervalMs;
  /** Lets go of every poll still held (the console is closing). */
  const abortAll = () => {
    for (const controller of inFlight.values()) controller.abort();
    inFlight.clear();
  };
  return { fetcher, prime, nextPollIn, abortAll };
}

/** Sends a JSON command and returns the parsed answer, or throws an ApiError with words a person understands. */
export async function sendJson<T>(
  url: string,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  body?: unknown,
  fetchImpl: FetchLike = (i, n) => fetch(i, n),
): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(UNREACHABLE_MESSAGE, 0, null);
  }
  if (!response.ok) throw await apiErrorFrom(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : {}) as T;
}
