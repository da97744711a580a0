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

describe('createEtagFetcher with held polls', () => {
  const held304 = () => new Response(null, { status: 304, headers: { 'preference-applied': 'wait=25' } });

  it('asks the server to hold a poll once it has an ETag, and re-polls at once after a held poll ran out', async () => {
    const { impl, calls } = fakeFetch([json({ n: 1 }, '"a"'), held304(), new Response(null, { status: 304 })]);
    const { fetcher, nextPollIn } = createEtagFetcher<{ n: number }>(impl, { waitSeconds: () => 25 });
    await fetcher('/x');
    expect(calls[0]?.headers).toEqual({});
    expect(nextPollIn('/x', 1000)).toBe(1000);
    await fetcher('/x');
    expect(calls[1]?.headers).toEqual({ 'if-none-match': '"a"', prefer: 'wait=25' });
    expect(nextPollIn('/x', 1000)).toBeLessThan(1000);
    // A server that did not hold the poll is polled on the interval, not in a tight loop.
    await fetcher('/x');
    expect(nextPollIn('/x', 1000)).toBe(1000);
  });

  it('after a change waits the whole interval, so a busy show costs a console one view per interval', async () => {
    const { impl } = fakeFetch([
      json({ n: 1 }, '"a"'),
      new Response(JSON.stringify({ n: 2 }), { headers: { etag: '"b"', 'preference-applied': 'wait=25' } }),
    ]);
    const { fetcher, nextPollIn } = createEtagFetcher<{ n: number }>(impl, { waitSeconds: () => 25 });
    await fetcher('/x');
    expect(await fetcher('/x')).toEqual({ n: 2 });
    expect(nextPollIn('/x', 1000)).toBe(1000);
  });

  it('does not ask for a wait when told not to (a hidden tab)', async () => {
    const { impl, calls } = fakeFetch([new Response(null, { status: 304 })]);
    const { fetcher, prime } = createEtagFetcher<{ n: number }>(impl, { waitSeconds: () => 0 });
    prime('/x', '"s"', { n: 1 });
    await fetcher('/x');
    expect(calls[0]?.headers).toEqual({ 'if-none-match': '"s"' });
  });

  it('lets go of a held poll when a newer one starts or the console closes, keeping the data it had', async () => {
    const signals: AbortSignal[] = [];
    const hanging = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal;
        if (signal) signals.push(signal);
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const { fetcher, prime, abortAll } = createEtagFetcher<{ n: number }>(hanging, { waitSeconds: () => 25 });
    const data = { n: 1 };
    prime('/x', '"s"', data);
    const first = fetcher('/x');
    const second = fetcher('/x');
    expect(await first).toBe(data);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[1]?.aborted).toBe(false);
    abortAll();
    expect(await second).toBe(data);
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
