import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { backoffDelay, isPermanentRefusal, withTwilioRetry } from './retry';

function restError(status: number, code: number, message = 'nope') {
  return Object.assign(new Error(message), { status, code, moreInfo: `https://www.twilio.com/docs/errors/${code}` });
}

function scripted(failures: unknown[], result = 'ok') {
  let calls = 0;
  const request = async () => {
    const failure = failures[calls++];
    if (failure) throw failure;
    return result;
  };
  return { request, calls: () => calls };
}

describe('withTwilioRetry', () => {
  it('retries 429 and 5xx with growing, jittered delays, then succeeds', async () => {
    const delays: number[] = [];
    const script = scripted([restError(429, 20429), restError(500, 20500), restError(503, 20003)]);
    const result = await withTwilioRetry('update the call', script.request, {
      sleep: async (ms) => void delays.push(ms),
      random: () => 1,
      baseDelayMs: 100,
      maxDelayMs: 10_000,
    });
    expect(result).toBe('ok');
    expect(script.calls()).toBe(4);
    expect(delays).toEqual([100, 200, 400]);
  });

  it('spreads retries with jitter between half and all of the exponential ceiling', () => {
    const timing = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(2, { ...timing, random: () => 0 })).toBe(200);
    expect(backoffDelay(2, { ...timing, random: () => 0.5 })).toBe(300);
    expect(backoffDelay(10, { ...timing, random: () => 1 })).toBe(1000);
  });

  it('gives up after the last retry with an unavailable error that keeps the cause', async () => {
    const cause = restError(500, 20500);
    const script = scripted([cause, cause, cause]);
    const error = await withTwilioRetry('list conferences', script.request, {
      retries: 2,
      sleep: async () => {},
    }).catch((e: unknown) => e);
    expect(script.calls()).toBe(3);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'unavailable:twilio', status: 503, cause });
    expect(isPermanentRefusal(error)).toBe(false);
  });

  it('surfaces other 4xx at once as a refusal, with Twilio message and cause', async () => {
    const cause = restError(400, 21220, 'Call is not in-progress. Cannot redirect.');
    const script = scripted([cause]);
    const error = await withTwilioRetry('move the call', script.request, { sleep: async () => {} }).catch(
      (e: unknown) => e,
    );
    expect(script.calls()).toBe(1);
    expect(error).toMatchObject({
      code: 'conflict:twilio',
      message: 'Twilio refused to move the call: Call is not in-progress. Cannot redirect.',
      cause,
    });
    expect(isPermanentRefusal(error)).toBe(true);
  });

  it('reports 404 as not found', async () => {
    const script = scripted([restError(404, 20404)]);
    await expect(withTwilioRetry('fetch the call', script.request, { sleep: async () => {} })).rejects.toMatchObject({
      code: 'not_found:twilio',
    });
    expect(script.calls()).toBe(1);
  });
});
