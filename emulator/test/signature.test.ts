import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../src/webhooks/signature';
import { startHarness, twiml, type Harness } from './support/harness';

describe('webhook signatures', () => {
  // FACTS.md pairs the current docs' result with the older docs' inputs; each published pair is pinned here.
  it("reproduces the signature vector of Twilio's current security docs", () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+14158675310',
      Digits: '1234',
      From: '+14158675310',
      To: '+18005551212',
    };
    expect(signWebhook('12345', 'https://example.com/myapp.php?foo=1&bar=2', params)).toBe(
      'L/OH5YylLD5NRKLltdqwSvS0BnU=',
    );
  });

  it("reproduces the signature vector of Twilio's earlier security docs", () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    expect(signWebhook('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe(
      '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
    );
  });

  describe('on a whole call', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
      await h.provisionShowNumber({ statusCallback: `${h.app.url}/status` });
      h.app.route(
        '/voice',
        twiml(
          `<Say>Hi</Say><Dial action="/after?x=1"><Conference statusCallback="/conf" statusCallbackEvent="start end join leave" waitUrl="/wait?tune=1">room-1</Conference></Dial>`,
        ),
      );
      h.app.route('/wait', twiml('<Play loop="0">http://example.test/hold.mp3</Play>'));
      h.app.route('/after', twiml('<Hangup/>'));
      const sid = await h.ring();
      await h.emulator.waitFor((s) => s.calls.find((c) => c.sid === sid)?.room === 'room-1');
      await h.emulator.waitFor(() => h.app.requestsTo('/wait').length > 0);
      await h.control('POST', `/_emulator/calls/${sid}/hangup`);
      // The hang-up inside the conference also requests the Dial action (/after), with CallStatus=completed.
      await h.emulator.waitFor(
        () =>
          h.app.requestsTo('/status').length > 0 &&
          h.app.requestsTo('/conf').length >= 2 &&
          h.app.requestsTo('/after').length > 0,
      );
    });
    afterAll(() => h.close());

    it('signs every webhook so that twilio.validateRequest accepts it', () => {
      const kinds = new Set(h.app.requests.map((r) => r.path));
      expect(kinds).toEqual(new Set(['/voice', '/wait', '/status', '/conf', '/after']));
      for (const request of h.app.requests) expect(request.signatureValid, `${request.path}`).toBe(true);
    });

    it('produces signatures that fail validation once a parameter is tampered with', () => {
      for (const request of h.app.requests) {
        const tampered = { ...request.params, From: '+19999999999' };
        const params = request.method === 'POST' ? tampered : {};
        const url = request.method === 'POST' ? request.url : `${request.url}&From=%2B19999999999`;
        expect(twilio.validateRequest(h.emulator.authToken, request.signature, url, params)).toBe(false);
      }
    });

    it('sends an idempotency token with every request', () => {
      for (const request of h.app.requests) expect(request.idempotencyToken).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
