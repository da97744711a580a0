import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { sampleUrl } from '../support/route-discovery';
import { E2E_BASE_URL, E2E_PORT } from './e2e-env';
import { SEGMENT_SAMPLES } from './route-access-rules';
import {
  apiAs,
  ATTACKER_ORIGIN,
  expectJsonError,
  hangUp,
  jsonApiRoutes,
  openDemoLines,
  ringCaller,
  securitySession,
  settledSnapshot,
  STATE_CHANGING,
} from './support/security-app';

/**
 * CSRF: a producer's browser carries a session cookie to any site that makes it send a request. Every
 * state-changing API route (discovered from app/, Twilio's and Auth.js's own excepted) must refuse a request
 * that does not prove it came from one of the app's own pages.
 */

const targets = jsonApiRoutes().flatMap((route) =>
  route.methods.filter((m) => STATE_CHANGING.includes(m)).map((method) => ({ route, method })),
);

interface Live {
  showId: string;
  episodeId: string;
  sessionId: string;
}

/** The most damaging request each route would carry out if the forgery got through (real ids, valid bodies). */
function forged(pattern: string, method: string, live: Live): { url: string; data?: unknown } {
  const real: Record<string, { url: string; data?: unknown }> = {
    'DELETE /api/shows/[id]/lines': { url: `/api/shows/${live.showId}/lines` },
    'POST /api/shows/[id]/lines': { url: `/api/shows/${live.showId}/lines`, data: { title: 'Forged episode' } },
    'POST /api/shows/[id]/end': { url: `/api/shows/${live.showId}/end`, data: {} },
    'POST /api/calls/[id]/[command]': { url: `/api/calls/${live.sessionId}/drop`, data: {} },
    'PATCH /api/calls/[id]/card': {
      url: `/api/calls/${live.sessionId}/card`,
      data: { topic: 'Written by another website' },
    },
    'PUT /api/episodes/[id]/deck-order': {
      url: `/api/episodes/${live.episodeId}/deck-order`,
      data: { order: [live.sessionId] },
    },
    'POST /api/episodes/[id]/messages': {
      url: `/api/episodes/${live.episodeId}/messages`,
      data: { body: 'Written by another website' },
    },
    'POST /api/blocks': { url: '/api/blocks', data: { callId: live.sessionId, reason: 'Written by another website' } },
    'POST /api/tokens': { url: '/api/tokens', data: { name: 'Written by another website' } },
  };
  return real[`${method} ${pattern}`] ?? { url: sampleUrl(pattern, SEGMENT_SAMPLES), data: {} };
}

const CROSS_SITE: [string, Record<string, string>][] = [
  ['an Origin of another site', { origin: ATTACKER_ORIGIN }],
  ['no Origin and no Referer', {}],
  ['a Referer of another site and no Origin', { referer: `${ATTACKER_ORIGIN}/prize.html` }],
  ['Origin "null" (a sandboxed frame or a data: page)', { origin: 'null' }],
  ['an Origin on another port of the same host', { origin: `http://127.0.0.1:${E2E_PORT + 1}` }],
  ['an Origin whose host only begins like the app’s', { origin: `http://127.0.0.1:${E2E_PORT}.attacker.example` }],
  ['an Origin that is not a URL', { origin: 'javascript:alert(1)' }],
];

test.describe('cross-site request forgery', () => {
  let producer: APIRequestContext;
  let lines: Awaited<ReturnType<typeof openDemoLines>>;
  let live: Live;
  let callSid: string;

  test.beforeAll(async () => {
    producer = await apiAs('producer');
    lines = await openDemoLines(producer);
    const caller = await ringCaller(producer, lines.showId);
    callSid = caller.callSid;
    live = { showId: lines.showId, episodeId: lines.episodeId, sessionId: caller.sessionId };
  });

  test.afterAll(async () => {
    await hangUp(callSid);
    await lines.close();
    await producer.dispose();
  });

  test('there are state-changing API routes to protect, and the check covers each of them', () => {
    expect(targets.length).toBeGreaterThanOrEqual(8);
    expect(
      targets.some((t) => t.route.pattern.startsWith('/api/twilio/') || t.route.pattern.startsWith('/api/auth/')),
    ).toBe(false);
  });

  for (const [what, headers] of CROSS_SITE) {
    test(`a producer's cookie sent with ${what} is refused with 403 JSON on every state-changing route, and nothing changes`, async () => {
      const context = await apiAs('producer', headers);
      const before = await settledSnapshot(producer, live.showId);
      const failures: string[] = [];
      for (const { route, method } of targets) {
        const request = forged(route.pattern, method, live);
        const response = await context.fetch(request.url, { method, data: request.data });
        const label = `${method} ${request.url}: ${response.status()}`;
        if (response.status() !== 403) {
          failures.push(`${label}, expected 403`);
          continue;
        }
        const error = await expectJsonError(response, label);
        if (error.code !== 'forbidden:request')
          failures.push(`${label}, refused by ${error.code} rather than the origin check`);
      }
      await context.dispose();
      expect(failures).toEqual([]);
      expect(
        await settledSnapshot(producer, live.showId),
        'a refused cross-site request changed the board, chat or history',
      ).toEqual(before);
    });
  }

  test('an invalid Bearer token does not let a cross-site request ride on the session cookie (401, nothing changes)', async () => {
    const context = await apiAs('producer', { origin: ATTACKER_ORIGIN, authorization: 'Bearer sbt_not-a-real-token' });
    const before = await settledSnapshot(producer, live.showId);
    const failures: string[] = [];
    for (const { route, method } of targets) {
      const request = forged(route.pattern, method, live);
      const response = await context.fetch(request.url, { method, data: request.data });
      if (response.status() !== 401) failures.push(`${method} ${request.url}: ${response.status()}, expected 401`);
    }
    await context.dispose();
    expect(failures).toEqual([]);
    expect(await settledSnapshot(producer, live.showId)).toEqual(before);
  });

  for (const [what, headers] of [
    ['its own Origin', { origin: E2E_BASE_URL }],
    ['no Origin but a Referer of one of its pages', { referer: `${E2E_BASE_URL}/producer` }],
  ] as [string, Record<string, string>][]) {
    test(`a request from the app's own page (${what}) passes the origin check on every state-changing route`, async () => {
      const context = await apiAs('producer', headers);
      const failures: string[] = [];
      for (const { route, method } of targets) {
        const url = sampleUrl(route.pattern, SEGMENT_SAMPLES);
        const response = await context.fetch(url, { method, data: {} });
        if (response.status() === 403 || response.status() >= 500)
          failures.push(`${method} ${url}: ${response.status()} ${await response.text()}`);
      }
      await context.dispose();
      expect(failures).toEqual([]);
    });
  }

  test('the session cookie is HttpOnly and SameSite=Lax, so other sites can neither read it nor send it with a cross-site POST', async () => {
    const state = JSON.parse(readFileSync(await securitySession('producer'), 'utf8')) as {
      cookies: { name: string; httpOnly: boolean; sameSite: string }[];
    };
    const session = state.cookies.filter((c) => /session-token/.test(c.name));
    expect(session.length).toBeGreaterThan(0);
    for (const cookie of session) expect(cookie, cookie.name).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  });
});
