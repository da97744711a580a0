import { describe, expect, it } from 'vitest';
import { ApiError, createEtagFetcher, sendJson, UNREACHABLE_MESSAGE } from './etag-fetcher';

type Call = { url: string; headers: Record<string, string> };

function fakeFetch(responses: Response[]) {
  const calls: Call[] = [];
  const impl = async (url: string, init?: RequestInit) => {
    calls.push({ url, headers: (init?.headers ?? {}) as Record<string, string> });
    const next = responses.shift();
    if (!next) throw new TypeError('network down');
    return next;
  };
  return { impl, calls };
}

const json = (body: unknown, etag?: string, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: etag ? { etag, 'content-type': 'application/json' } : { 'content-type': 'application/json' },
  });

describe('createEtagFetcher', () => {
  it('sends the last ETag and returns the same data object on 304', async () => {
    const { impl, calls } = fakeFetch([
      json({ n: 1 }, '"a"'),
      new Response(null, { status: 304 }),
      json({ n: 2 }, '"b"'),
    ]);
    const { fetcher } = createEtagFetcher<{ n: number }>(impl);
    const first = await fetcher('/x');
    expect(calls[0]?.headers).toEqual({});
    const second = await fetcher('/x');
    expect(calls[1]?.headers).toEqual({ 'if-none-match': '"a"' });
    expect(second).toBe(first);
    expect(await fetcher('/x')).toEqual({ n: 2 });
    expect(calls[2]?.headers).toEqual({ 'if-none-match': '"a"' });
  });

  it('starts from primed server data, so the very first poll can be a 304', async () => {
    const { impl, calls } = fakeFetch([new Response(null, { status: 304 })]);
    const { fetcher, prime } = createEtagFetcher<{ n: number }>(impl);
    const initial = { n: 7 };
    prime('/x', '"s"', initial);
    expect(await fetcher('/x')).toBe(initial);
    expect(calls[0]?.headers).toEqual({ 'if-none-match': '"s"' });
  });

  it('turns an API refusal into its message, and a network failure into words', async () => {
    const { impl } = fakeFetch([
      json({ error: { code: 'forbidden:auth', message: 'Your role does not allow this.' } }, undefined, 403),
    ]);
    const { fetcher } = createEtagFetcher(impl);
    await expect(fetcher('/x')).rejects.toMatchObject({
      message: 'Your role does not allow this.',
      status: 403,
      code: 'forbidden:auth',
    });
    await expect(fetcher('/x')).rejects.toMatchObject({ message: UNREACHABLE_MESSAGE, status: 0 });
  });

  it('falls back to words for a refusal that is not JSON', async () => {
    const { impl } = fakeFetch([new Response('<html>bad gateway</html>', { status: 502 })]);
    const error = await createEtagFetcher(impl)
      .fetcher('/x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe('The server had a problem. Try again in a moment.');
  });
});

describe('sendJson', () => {
  it('posts JSON and returns the answer, or throws the API message', async () => {
    const { impl } = fakeFetch([
      json({ ok: true }),
      json(
        { error: { code: 'conflict:call_state', message: 'Someone else changed this caller first.' } },
        undefined,
        409,
      ),
    ]);
    expect(await sendJson('/c', 'POST', { a: 1 }, impl)).toEqual({ ok: true });
    await expect(sendJson('/c', 'POST', {}, impl)).rejects.toThrow('Someone else changed this caller first.');
  });
});
