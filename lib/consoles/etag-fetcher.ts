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

/**
 * A fetcher for SWR that sends If-None-Match with the ETag of the last answer for the URL, and on 304 returns
 * that answer's data again, so an unchanged poll costs no body and causes no re-render.
 */
export function createEtagFetcher<T>(fetchImpl: FetchLike = (input, init) => fetch(input, init)) {
  const cache = new Map<string, { etag: string; data: T }>();
  const fetcher = async (url: string): Promise<T> => {
    const cached = cache.get(url);
    let response: Response;
    try {
      response = await fetchImpl(url, {
        headers: cached ? { 'if-none-match': cached.etag } : {},
        cache: 'no-store',
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(UNREACHABLE_MESSAGE, 0, null);
    }
    if (response.status === 304 && cached) return cached.data;
    if (!response.ok) throw await apiErrorFrom(response);
    const data = (await response.json()) as T;
    const etag = response.headers.get('etag');
    if (etag) cache.set(url, { etag, data });
    else cache.delete(url);
    return data;
  };
  /** Lets a server-rendered first view count as the last answer, so the first poll can already be a 304. */
  const prime = (url: string, etag: string, data: T) => void cache.set(url, { etag, data });
  return { fetcher, prime };
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
