import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './support/harness';

const errorShape = {
  code: expect.any(Number),
  message: expect.any(String),
  more_info: expect.stringContaining('twilio.com/docs/errors/'),
  status: expect.any(Number),
};

describe('bad input gets Twilio-style errors, never a crash', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.provisionShowNumber();
  });
  afterAll(() => h.close());

  it('answers wrong credentials with 401 and code 20003', async () => {
    const answer = await h.rest('GET', '/Calls.json', undefined, `${h.emulator.accountSid}:wrong`);
    expect(answer).toEqual({ status: 401, body: { ...errorShape, code: 20003, status: 401 } });
  });

  it('answers unknown resources with 404 and code 20404', async () => {
    const answer = await h.rest('GET', '/Calls/CA00000000000000000000000000000000.json');
    expect(answer.body).toMatchObject({ code: 20404, status: 404 });
    expect((await h.rest('GET', '/Nope.json')).body).toMatchObject({ code: 20404, status: 404 });
  });

  it('names the missing or invalid parameter with its Twilio code', async () => {
    expect((await h.rest('POST', '/Calls.json', { From: '+15005550006', Url: 'http://x.test/' })).body).toMatchObject({
      code: 21201,
      status: 400,
    });
    expect((await h.rest('POST', '/Calls.json', { To: '+14155550100', Url: 'http://x.test/' })).body).toMatchObject({
      code: 21213,
    });
    expect(
      (await h.rest('POST', '/Calls.json', { To: '+14155550100', From: '+15005550006', Url: 'not a url' })).body,
    ).toMatchObject({ code: 21205 });
    expect((await h.rest('POST', '/Calls.json', { To: '+14155550100', From: '+15005550006' })).body).toMatchObject({
      code: 21205,
    });
    expect(
      (await h.rest('POST', '/Calls.json', { To: '+14155550100', From: '+19995550000', Url: 'http://x.test/' })).body,
    ).toMatchObject({ code: 21210 });
    expect((await h.rest('POST', '/IncomingPhoneNumbers.json', { PhoneNumber: '+15005550006' })).body).toMatchObject({
      code: 21422,
    });
  });

  it('refuses to redirect a completed call with 21220', async () => {
    const created = await h.rest('POST', '/Calls.json', {
      To: '+14155550100',
      From: '+15005550006',
      Twiml: '<Response><Hangup/></Response>',
    });
    const sid = String(created.body.sid);
    await h.emulator.waitFor((s) => s.calls.find((c) => c.sid === sid && c.status === 'completed'));
    const answer = await h.rest('POST', `/Calls/${sid}.json`, { Url: 'http://x.test/' });
    expect(answer.body).toMatchObject({
      code: 21220,
      status: 400,
      message: expect.stringContaining('not in-progress'),
    });
  });

  it('validates control API bodies', async () => {
    expect((await h.control('POST', '/_emulator/calls', { from: 'nobody' })).body).toMatchObject({
      ...errorShape,
      status: 400,
    });
    expect(
      (await h.control('POST', '/_emulator/calls', { from: '+14155550100', to: '+19999999999' })).body,
    ).toMatchObject({ code: 20404 });
    expect((await h.control('POST', '/_emulator/faults', { rest: { status: 418 } })).body).toMatchObject({
      status: 400,
    });
    expect((await h.control('POST', '/_emulator/numbers/abc/policy', { answer: 'answer' })).body).toMatchObject({
      code: 21211,
    });
    const raw = await fetch(`${h.emulator.url}/_emulator/calls`, { method: 'POST', body: '{not json' });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers CORS preflight for the control API', async () => {
    const preflight = await fetch(`${h.emulator.url}/_emulator/calls`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('never crashes on arbitrary paths, methods and bodies', async () => {
    const auth = `Basic ${Buffer.from(`${h.emulator.accountSid}:${h.emulator.authToken}`).toString('base64')}`;
    const prefix = `/2010-04-01/Accounts/${h.emulator.accountSid}`;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'DELETE'),
        fc.constantFrom(
          `${prefix}/Calls`,
          `${prefix}/Conferences/x/Participants`,
          `${prefix}/IncomingPhoneNumbers`,
          '/_emulator/calls',
          '/_emulator/clients/a',
        ),
        fc.string({ maxLength: 20 }),
        fc.string({ maxLength: 200 }),
        async (method, base, suffix, body) => {
          const path = `${base}/${encodeURIComponent(suffix)}${suffix.length % 2 ? '.json' : ''}`;
          const response = await fetch(`${h.emulator.url}${path}`, {
            method,
            headers: {
              Authorization: auth,
              'Content-Type': base.startsWith('/_emulator') ? 'application/json' : 'application/x-www-form-urlencoded',
            },
            body: method === 'GET' ? undefined : body,
          });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400)
            expect(JSON.parse(text)).toMatchObject({ code: expect.any(Number), status: response.status });
        },
      ),
      { numRuns: 150, seed: 42 },
    );
    expect((await h.control('GET', '/_emulator/health')).body).toMatchObject({ ok: true });
  });
});
