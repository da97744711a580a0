import { describe, expect, it } from 'vitest';
import { crossSiteRefusal } from './same-origin';

function check(method: string, pathname: string, headers: Record<string, string>, extraOrigins?: string[]) {
  return crossSiteRefusal({ method, pathname, headers: new Headers(headers), extraOrigins });
}

describe('cross-site request refusal', () => {
  it('lets a state-changing API call from the app itself through', () => {
    expect(
      check('POST', '/api/calls/x/pickup', { host: 'radio.example.com', origin: 'https://radio.example.com' }),
    ).toBeNull();
  });

  it('refuses a state-changing API call from another site', () => {
    expect(check('POST', '/api/calls/x/air', { host: 'radio.example.com', origin: 'https://evil.example' })).toMatch(
      /another website/,
    );
    expect(
      check('DELETE', '/api/shows/x/lines', { host: 'radio.example.com', referer: 'https://evil.example/page' }),
    ).toMatch(/another website/);
  });

  it('refuses a call that names no page at all, or the opaque null origin', () => {
    expect(check('PATCH', '/api/calls/x/card', { host: 'radio.example.com' })).toMatch(/did not say/);
    expect(check('POST', '/api/calls/x/drop', { host: 'radio.example.com', origin: 'null' })).toMatch(/did not say/);
  });

  it('accepts the public origin behind a proxy and the forwarded host', () => {
    expect(
      check('POST', '/api/reconcile', { host: '10.0.0.5:3000', origin: 'https://radio.example.com' }, [
        'https://radio.example.com/',
      ]),
    ).toBeNull();
    expect(
      check('POST', '/api/reconcile', {
        host: '10.0.0.5:3000',
        'x-forwarded-host': 'radio.example.com',
        origin: 'https://radio.example.com',
      }),
    ).toBeNull();
  });

  it('refuses a server action (a POST to a page) that names no page or another site, and lets the app’s own through', () => {
    const action = { host: 'radio.example.com', 'next-action': '7f3a' };
    expect(check('POST', '/producer/team', action)).toMatch(/did not say/);
    expect(check('POST', '/login', { ...action, origin: 'https://evil.example' })).toMatch(/another website/);
    expect(
      check('POST', '/producer/team', { ...action, origin: 'https://evil.example', authorization: 'Bearer sbt_abc' }),
      'a bearer header does not excuse a page',
    ).toMatch(/another website/);
    expect(check('POST', '/producer/team', { ...action, origin: 'https://radio.example.com' })).toBeNull();
    expect(check('GET', '/producer/team', { host: 'radio.example.com' })).toBeNull();
  });

  it('leaves reads, Twilio webhooks, Auth.js and bearer-token automation alone', () => {
    expect(check('GET', '/api/episodes/x/board', { host: 'a', origin: 'https://evil.example' })).toBeNull();
    expect(check('POST', '/api/twilio/voice', { host: 'a' })).toBeNull();
    expect(check('POST', '/api/auth/callback/credentials', { host: 'a' })).toBeNull();
    expect(check('POST', '/api/calls/x/air', { host: 'a', authorization: 'Bearer sbt_abc' })).toBeNull();
  });
});
