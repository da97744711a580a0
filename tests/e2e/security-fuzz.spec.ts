import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import fc from 'fast-check';
import { E2E_BASE_URL } from './e2e-env';
import {
  anyBody,
  commandSegment,
  contentType,
  invalidBody,
  pathSegment,
  queryParams,
  renderBody,
  webhookParams,
  type BodySpec,
} from './support/fuzz-inputs';
import {
  apiAs,
  hangUp,
  jsonApiRoutes,
  openDemoLines,
  ringCaller,
  sendWebhook,
  settledSnapshot,
  sign,
  STATE_CHANGING,
  webhookRoutes,
} from './support/security-app';

/**
 * Property-based fuzzing (fast-check) of every discovered JSON endpoint and webhook of the running app, as a
 * producer (so authorization passes and the input itself is what is tested). Seeded: a failure prints the seed
 * and path that reproduce it. Each property is bounded so the spec stays within a couple of minutes.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x5b0a2d);
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 40);
/** Seeded and bounded: a property (with its shrinking) gets at most 25 s, and a failure found before the limit is still reported. */
const params = (offset: number): fc.Parameters<unknown> => ({
  seed: SEED + offset,
  numRuns: NUM_RUNS,
  interruptAfterTimeLimit: 25_000,
  markInterruptAsFailure: false,
});

/** A TwiML document, an empty one (`<Response/>`, such as an announcement with nothing to say) included. */
const TWIML_DOCUMENT = /<Response[\s/>]/;

/** What every answer must be: no 5xx; a refusal is a JSON error with a message; TwiML or nothing from a webhook. */
async function problemWith(response: APIResponse, kind: 'json' | 'webhook'): Promise<string | null> {
  const status = response.status();
  const type = response.headers()['content-type'] ?? '';
  const text = await response.text();
  const said = `${status} ${type} ${text.slice(0, 200)}`;
  if (status >= 500) return `a server error: ${said}`;
  if (kind === 'json' && (status === 401 || status === 403))
    return `a refusal of the producer, whom every route admits (the fuzz must reach the input checks): ${said}`;
  if (status >= 400) {
    if (!type.includes('application/json')) return `a refusal that is not JSON: ${said}`;
    try {
      const body = JSON.parse(text) as { error?: { message?: unknown } };
      if (typeof body.error?.message !== 'string' || body.error.message.trim() === '')
        return `a refusal without a message: ${said}`;
    } catch {
      return `a refusal whose JSON does not parse: ${said}`;
    }
  } else if (kind === 'webhook' && status !== 204 && !(type.includes('xml') && TWIML_DOCUMENT.test(text))) {
    return `a webhook answer that is neither TwiML nor empty: ${said}`;
  }
  return null;
}

function fillPattern(pattern: string, segments: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_m, name: string) => encodeURIComponent(segments[name] ?? 'x'));
}

const apiTargets = jsonApiRoutes().flatMap((route) => route.methods.map((method) => ({ route, method })));
const hookTargets = webhookRoutes().flatMap((route) => route.methods.map((method) => ({ route, method })));

test.describe('fuzzing', () => {
  test.describe.configure({ timeout: 180_000 });
  let producer: APIRequestContext;
  let lines: Awaited<ReturnType<typeof openDemoLines>>;
  let callSid: string;
  let sessionId: string;

  test.beforeAll(async () => {
    producer = await apiAs('producer');
    lines = await openDemoLines(producer);
    const caller = await ringCaller(producer, lines.showId);
    callSid = caller.callSid;
    sessionId = caller.sessionId;
  });

  test.afterAll(async () => {
    await hangUp(callSid);
    await lines.close();
    await producer.dispose();
  });

  async function send(method: string, url: string, body: BodySpec | null, type: string | null): Promise<APIResponse> {
    return producer.fetch(url, {
      method,
      headers: type ? { 'content-type': type } : {},
      data: method === 'GET' || body === null ? undefined : Buffer.from(renderBody(body), 'utf8'),
    });
  }

  test('there are JSON endpoints and webhooks to fuzz', () => {
    expect(apiTargets.length).toBeGreaterThanOrEqual(10);
    expect(hookTargets.length).toBeGreaterThanOrEqual(6);
  });

  test('malformed bodies, content types, queries and path ids on every JSON endpoint: never a 5xx, always a JSON error with a message, and nothing visible changes', async () => {
    const before = await settledSnapshot(producer, lines.showId);
    for (const [index, { route, method }] of apiTargets.entries()) {
      const names = [...route.pattern.matchAll(/\[(?:\.\.\.)?([^\]]+)\]/g)].map((m) => m[1] ?? '');
      const segments = fc.record(
        Object.fromEntries(names.map((name) => [name, name === 'command' ? commandSegment : pathSegment])),
      );
      await fc.assert(
        fc.asyncProperty(
          segments,
          anyBody,
          fc.option(contentType, { nil: null }),
          queryParams,
          async (ids, body, type, query) => {
            const search =
              method === 'GET' && Object.keys(query).length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
            const url = `${fillPattern(route.pattern, ids)}${search}`;
            const problem = await problemWith(await send(method, url, body, type), 'json');
            if (problem) throw new Error(`${method} ${url.slice(0, 200)} answered ${problem}`);
          },
        ),
        params(index),
      );
    }
    // Fuzzed ids are never real, so no request may have touched the show, its episode, its caller or the chat.
    expect(await settledSnapshot(producer, lines.showId)).toEqual(before);
  });

  test('malformed bodies aimed at a real caller, episode and show are refused with a JSON 4xx and never half-applied', async () => {
    const real: Record<string, { url: (command: string) => string }> = {
      'POST /api/calls/[id]/[command]': { url: (command) => `/api/calls/${sessionId}/${encodeURIComponent(command)}` },
      'PATCH /api/calls/[id]/card': { url: () => `/api/calls/${sessionId}/card` },
      'PUT /api/episodes/[id]/deck-order': { url: () => `/api/episodes/${lines.episodeId}/deck-order` },
      'POST /api/episodes/[id]/messages': { url: () => `/api/episodes/${lines.episodeId}/messages` },
      'POST /api/shows/[id]/lines': { url: () => `/api/shows/${lines.showId}/lines` },
      'POST /api/blocks': { url: () => '/api/blocks' },
      'POST /api/tokens': { url: () => '/api/tokens' },
    };
    const withBodies = apiTargets.filter(
      ({ route, method }) => STATE_CHANGING.includes(method) && `${method} ${route.pattern}` in real,
    );
    expect(withBodies.length).toBeGreaterThanOrEqual(5);
    const before = await settledSnapshot(producer, lines.showId);
    for (const [index, { route, method }] of withBodies.entries()) {
      const target = real[`${method} ${route.pattern}`];
      if (!target) continue;
      await fc.assert(
        fc.asyncProperty(
          commandSegment,
          invalidBody,
          fc.option(contentType, { nil: null }),
          async (command, body, type) => {
            const url = target.url(command);
            const response = await send(method, url, body, type);
            if (response.status() < 400)
              throw new Error(
                `${method} ${url} accepted a malformed body with ${response.status()}: ${(await response.text()).slice(0, 200)}`,
              );
            const problem = await problemWith(response, 'json');
            if (problem) throw new Error(`${method} ${url} answered ${problem}`);
          },
        ),
        params(100 + index),
      );
      expect(
        await settledSnapshot(producer, lines.showId),
        `${method} ${route.pattern}: a refused request changed something`,
      ).toEqual(before);
    }
  });

  test('an HTTP method a route does not have is answered 405, never a 5xx', async () => {
    const failures: string[] = [];
    for (const route of jsonApiRoutes()) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !route.methods.includes(m))) {
        const url = fillPattern(route.pattern, { id: '00000000-0000-4000-8000-000000000000', command: 'pickup' });
        const response = await producer.fetch(url, { method, data: method === 'GET' ? undefined : '{}' });
        if (response.status() !== 405) failures.push(`${method} ${url}: ${response.status()}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('correctly signed webhooks with junk parameters: never a 5xx, a JSON error or TwiML, and no caller appears or changes', async () => {
    const before = await settledSnapshot(producer, lines.showId);
    for (const [index, { route, method }] of hookTargets.entries()) {
      await fc.assert(
        fc.asyncProperty(webhookParams(method === 'GET' ? 1_000 : 20_000), async (form) => {
          const response = await sendWebhook(producer, { path: route.pattern, method, params: form });
          if (response.status() === 403)
            throw new Error(
              `${method} ${route.pattern} refused a correctly signed request: ${JSON.stringify(form).slice(0, 300)}`,
            );
          const problem = await problemWith(response, 'webhook');
          if (problem) throw new Error(`${method} ${route.pattern} answered ${problem}`);
        }),
        params(200 + index),
      );
    }
    expect(await settledSnapshot(producer, lines.showId)).toEqual(before);
  });

  test('correctly signed webhooks whose body is not a form (JSON, binary, huge, deeply nested): never a 5xx, a JSON error or TwiML', async () => {
    const before = await settledSnapshot(producer, lines.showId);
    for (const [index, { route }] of hookTargets.filter((t) => t.method === 'POST').entries()) {
      await fc.assert(
        fc.asyncProperty(anyBody, contentType, async (body, type) => {
          const text = renderBody(body);
          // Signed over exactly what a form parser makes of the bytes, as Twilio's signature would be.
          const parsed: Record<string, string> = {};
          for (const [name, value] of new URLSearchParams(text)) parsed[name] = value;
          const url = `${E2E_BASE_URL}${route.pattern}`;
          const response = await producer.fetch(url, {
            method: 'POST',
            headers: { 'content-type': type, 'x-twilio-signature': sign(url, parsed) },
            data: Buffer.from(text, 'utf8'),
          });
          if (response.status() === 403) throw new Error(`${route.pattern} refused a correctly signed body`);
          const problem = await problemWith(response, 'webhook');
          if (problem) throw new Error(`${route.pattern} answered ${problem}`);
        }),
        { ...params(300 + index), numRuns: Math.min(NUM_RUNS, 25) },
      );
    }
    expect(await settledSnapshot(producer, lines.showId)).toEqual(before);
  });
});
