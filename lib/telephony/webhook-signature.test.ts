import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import twilio from 'twilio';
import { signedUrl, verifyTwilioWebhook } from './webhook-signature';

// Twilio's documented example (/docs/usage/webhooks/webhooks-security). FACTS.md pairs these inputs (the older
// docs' example) with L/OH5YylLD5NRKLltdqwSvS0BnU=, the result of the current docs' example (example.com, caller
// +14158675310); for these inputs the docs and every Twilio helper library's tests give the value below.
const TOKEN = '12345';
const PARAMS = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+12349013030',
  Digits: '1234',
  From: '+12349013030',
  To: '+18005551212',
};
const SIGNATURE = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

function request(
  params: Record<string, string>,
  signature: string | null,
  internalUrl = 'http://10.0.0.7:3000/myapp.php?foo=1&bar=2',
) {
  return new Request(internalUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}

const options = { authToken: TOKEN, publicBaseUrl: 'https://mycompany.com' };

describe('webhook signature', () => {
  it("accepts Twilio's documented vector, validating the public URL rather than the one the proxy forwarded to", async () => {
    const verified = await verifyTwilioWebhook(request(PARAMS, SIGNATURE), options);
    expect(verified.url).toBe('https://mycompany.com/myapp.php?foo=1&bar=2');
    expect(verified.params).toEqual(PARAMS);
    expect(verified.query).toEqual({ foo: '1', bar: '2' });
  });

  it("also accepts the current docs' vector, whose result FACTS.md quotes", async () => {
    const current = { ...PARAMS, Caller: '+14158675310', From: '+14158675310' };
    const verified = await verifyTwilioWebhook(request(current, 'L/OH5YylLD5NRKLltdqwSvS0BnU='), {
      authToken: TOKEN,
      publicBaseUrl: 'https://example.com',
    });
    expect(verified.url).toBe('https://example.com/myapp.php?foo=1&bar=2');
  });

  it('is the HMAC-SHA1 of the URL and the sorted parameters', () => {
    const data =
      'https://mycompany.com/myapp.php?foo=1&bar=2' +
      Object.keys(PARAMS)
        .sort()
        .map((k) => k + PARAMS[k as keyof typeof PARAMS])
        .join('');
    expect(createHmac('sha1', TOKEN).update(data).digest('base64')).toBe(SIGNATURE);
  });

  it('refuses a modified parameter, a modified query, a missing signature and the wrong token', async () => {
    await expect(verifyTwilioWebhook(request({ ...PARAMS, Digits: '1235' }, SIGNATURE), options)).rejects.toMatchObject(
      { status: 403 },
    );
    await expect(
      verifyTwilioWebhook(request(PARAMS, SIGNATURE, 'http://10.0.0.7/myapp.php?foo=2&bar=2'), options),
    ).rejects.toMatchObject({
      code: 'forbidden:webhook',
    });
    await expect(verifyTwilioWebhook(request(PARAMS, null), options)).rejects.toMatchObject({ status: 403 });
    await expect(
      verifyTwilioWebhook(request(PARAMS, SIGNATURE), { ...options, authToken: '54321' }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it('verifies the body as sent, a leading byte-order mark included', async () => {
    const url = 'https://sb.example/api/twilio/voice';
    const body = '\uFEFF{"name":"bom"}';
    const params = Object.fromEntries(new URLSearchParams(body));
    const signed = new Request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-twilio-signature': twilio.getExpectedTwilioSignature('tok', url, params),
      },
      body,
    });
    const verified = await verifyTwilioWebhook(signed, { authToken: 'tok', publicBaseUrl: 'https://sb.example' });
    expect(verified.params).toEqual(params);
  });

  it('checks GET requests on the URL alone', async () => {
    const url = 'https://sb.example/api/twilio/hold-audio?show=abc';
    const signature = twilio.getExpectedTwilioSignature('tok', url, {});
    const get = new Request('http://internal/api/twilio/hold-audio?show=abc', {
      headers: { 'x-twilio-signature': signature },
    });
    await expect(
      verifyTwilioWebhook(get, { authToken: 'tok', publicBaseUrl: 'https://sb.example/' }),
    ).resolves.toMatchObject({ query: { show: 'abc' } });
  });

  it('builds the signed URL from the public base, keeping the query', () => {
    expect(signedUrl(new Request('http://localhost:3000/api/twilio/voice?x=1'), 'https://sb.example/')).toBe(
      'https://sb.example/api/twilio/voice?x=1',
    );
  });
});
