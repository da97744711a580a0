import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CALLER, SHOW_NUMBER, startHarness, twiml, type Harness } from './support/harness';
import { waitForRequests } from './support/wait';

describe('faults on demand', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.provisionShowNumber();
    h.app.route('/voice', twiml('<Say>hello</Say>'));
  });
  afterEach(() => h.close());

  it('answers a given number of REST requests with 429 / 20429, then recovers', async () => {
    await h.control('POST', '/_emulator/faults', { rest: { status: 429, count: 2 } });
    expect((await h.rest('GET', '/Calls.json')).body).toMatchObject({ status: 429, code: 20429 });
    expect((await h.rest('GET', '/Calls.json')).status).toBe(429);
    expect((await h.rest('GET', '/Calls.json')).status).toBe(200);
  });

  it('answers 500 with a seeded probability, the same way for the same seed', async () => {
    const run = async () => {
      await h.control('POST', '/_emulator/faults', { seed: 7, rest: { status: 500, probability: 0.5 } });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await h.rest('GET', '/Calls.json')).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
    await h.control('DELETE', '/_emulator/faults');
    expect((await h.rest('GET', '/Calls.json')).status).toBe(200);
  });

  it('duplicates status callbacks with the same idempotency token and keeps SequenceNumber', async () => {
    await h.control('POST', '/_emulator/faults', { callbacks: { kinds: ['status'], duplicateProbability: 1 } });
    await h.rest('POST', '/Calls.json', {
      To: CALLER,
      From: SHOW_NUMBER,
      Url: `${h.app.url}/voice`,
      StatusCallback: `${h.app.url}/status`,
    });
    const [a, b] = await waitForRequests(h, '/status', 2);
    expect(a?.params).toEqual(b?.params);
    expect(a?.idempotencyToken).toBe(b?.idempotencyToken);
  });

  it('drops conference callbacks when told to and records the drop', async () => {
    await h.control('POST', '/_emulator/faults', { callbacks: { kinds: ['conference'], dropProbability: 1 } });
    h.app.route(
      '/voice',
      twiml('<Dial><Conference statusCallback="/conf" statusCallbackEvent="join">room</Conference></Dial>'),
    );
    await h.ring(CALLER);
    await h.emulator.waitFor((s) => s.webhooks.some((w) => w.kind === 'conference'));
    expect(h.app.requestsTo('/conf')).toEqual([]);
    expect(h.emulator.state().webhooks.find((w) => w.kind === 'conference')?.fault).toBe('drop');
  });

  it('reorders callbacks within a window so arrival order differs from SequenceNumber order', async () => {
    await h.control('POST', '/_emulator/faults', { seed: 3, callbacks: { kinds: ['status'], reorderWindowMs: 200 } });
    await h.rest('POST', '/Calls.json', {
      To: CALLER,
      From: SHOW_NUMBER,
      Url: `${h.app.url}/voice`,
      StatusCallback: `${h.app.url}/status`,
      StatusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
    });
    const arrived = await waitForRequests(h, '/status', 4);
    const order = arrived.map((r) => Number(r.params.SequenceNumber));
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(order).not.toEqual([0, 1, 2, 3]);
  });
});
