import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import twilio from 'twilio';
import { AppError } from '@/lib/errors';
import { signedUrl, verifyTwilioWebhook } from '@/lib/telephony/webhook-signature';

/** The verifier on its own: what it accepts is exactly what Twilio signed, for the URL Twilio called. */

const TOKEN = 'unit-test-auth-token-0000000000';
const PUBLIC = 'https://switchboard.example.com';

function formRequest(url: string, params: Record<string, string>, headers: Record<string, string>): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

async function verdict(request: Request, authToken = TOKEN): Promise<'accepted' | 'refused'> {
  try {
    await verifyTwilioWebhook(request, { authToken, publicBaseUrl: PUBLIC });
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(403);
    return 'refused';
  }
}

const name = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_'),
  minLength: 1,
  maxLength: 12,
});
const value = fc.string({ unit: 'grapheme', maxLength: 40 });
const form = fc.dictionary(name, value, { minKeys: 1, maxKeys: 8 });
const path = fc.constantFrom(
  '/api/twilio/voice',
  '/api/twilio/status',
  '/api/twilio/conference-status',
  '/api/twilio/dial-action',
  '/api/twilio/device',
);
const query = fc
  .dictionary(name, value, { maxKeys: 3 })
  .map((q) => (Object.keys(q).length ? `?${new URLSearchParams(q).toString()}` : ''));

describe('the Twilio webhook verifier', () => {
  it('accepts the documented example (token 12345, mycompany.com) and refuses it with any other token', async () => {
    const params = {
      CallSid: 'CA1234567890ABCDE',
      Caller: '+12349013030',
      Digits: '1234',
      From: '+12349013030',
      To: '+18005551212',
    };
    const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
    const request = formRequest('http://10.0.0.5:3000/myapp.php?foo=1&bar=2', params, {
      'x-twilio-signature': '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
    });
    const result = await verifyTwilioWebhook(request, { authToken: '12345', publicBaseUrl: 'https://mycompany.com' });
    expect(result).toEqual({ url, params, query: { foo: '1', bar: '2' } });
    const again = formRequest('http://10.0.0.5:3000/myapp.php?foo=1&bar=2', params, {
      'x-twilio-signature': '0/KCTR6DLpKmkAf8muzZqo1nDgQ=',
    });
    expect(await verdict(again, '12346')).toBe('refused');
  });

  it('checks the signature against the public URL, never the Host the request claims', async () => {
    const params = { CallSid: `CA${'0'.repeat(32)}` };
    const forHost = twilio.getExpectedTwilioSignature(TOKEN, 'https://attacker.example/api/twilio/voice', params);
    const request = formRequest('https://attacker.example/api/twilio/voice', params, {
      'x-twilio-signature': forHost,
      host: 'attacker.example',
      'x-forwarded-host': 'attacker.example',
    });
    expect(await verdict(request)).toBe('refused');
    expect(signedUrl(new Request('http://internal:3000/api/twilio/voice?a=1'), `${PUBLIC}/`)).toBe(
      `${PUBLIC}/api/twilio/voice?a=1`,
    );
  });

  it('refuses a request with no signature, or with the signature in another header', async () => {
    const params = { CallSid: `CA${'1'.repeat(32)}` };
    const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}/api/twilio/voice`, params);
    expect(await verdict(formRequest(`${PUBLIC}/api/twilio/voice`, params, {}))).toBe('refused');
    expect(
      await verdict(formRequest(`${PUBLIC}/api/twilio/voice`, params, { 'x-twilio-signature-256': signature })),
    ).toBe('refused');
  });

  it('accepts any form Twilio signed, for any path and query, exactly as signed (property)', async () => {
    await fc.assert(
      fc.asyncProperty(path, query, form, async (p, q, params) => {
        const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${p}${q}`, params);
        expect(
          await verdict(formRequest(`http://127.0.0.1:3000${p}${q}`, params, { 'x-twilio-signature': signature })),
        ).toBe('accepted');
      }),
      { seed: 7001, numRuns: 200 },
    );
  });

  it('refuses every single change to what was signed: a value, a name, an extra or missing parameter, the path, the query, the token (property)', async () => {
    const tamper = fc.constantFrom('value', 'name', 'extra', 'missing', 'path', 'query', 'token', 'case');
    await fc.assert(
      fc.asyncProperty(path, query, form, tamper, value, async (p, q, params, how, junk) => {
        const signature = twilio.getExpectedTwilioSignature(TOKEN, `${PUBLIC}${p}${q}`, params);
        const keys = Object.keys(params).sort();
        const key = keys[0] ?? 'CallSid';
        let sent = { ...params };
        let url = `http://127.0.0.1:3000${p}${q}`;
        let token = TOKEN;
        switch (how) {
          case 'value':
            sent[key] = `${params[key] ?? ''}${junk || 'x'}`;
            break;
          case 'name':
            sent = Object.fromEntries(Object.entries(params).map(([k, v]) => [k === key ? `${k}_` : k, v]));
            break;
          case 'extra':
            sent[`${key}Extra`] = junk;
            break;
          case 'missing':
            delete sent[key];
            break;
          case 'path':
            url = `http://127.0.0.1:3000${p}-x${q}`;
            break;
          case 'query':
            url = `http://127.0.0.1:3000${p}${q}${q ? '&' : '?'}tampered=1`;
            break;
          case 'token':
            token = `${TOKEN}-other`;
            break;
          case 'case':
            sent = Object.fromEntries(
              Object.entries(params).map(([k, v]) => [
                k === key ? (k.toUpperCase() === k ? k.toLowerCase() : k.toUpperCase()) : k,
                v,
              ]),
            );
            fc.pre(JSON.stringify(sent) !== JSON.stringify(params));
            break;
        }
        expect(await verdict(formRequest(url, sent, { 'x-twilio-signature': signature }), token)).toBe('refused');
      }),
      { seed: 7002, numRuns: 300 },
    );
  });
});
