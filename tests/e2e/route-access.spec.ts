import { expect, request as playwrightRequest, test } from '@playwright/test';
import { discoverRoutes, sampleUrl } from '../support/route-discovery';
import { E2E_BASE_URL, E2E_ROLES, storageStatePath, type E2eRole } from './e2e-env';
import { allows, ROUTE_ACCESS, ruleFor, SEGMENT_SAMPLES } from './route-access-rules';

const routes = discoverRoutes();

test('every page and route handler has an access rule', () => {
  const missing = routes
    .filter((route) => !(route.pattern in ROUTE_ACCESS))
    .map((route) => `${route.pattern} (${route.file})`);
  expect(missing, 'add these to tests/e2e/route-access-rules.ts and guard them').toEqual([]);
  expect(routes.length).toBeGreaterThan(5);
});

const actors: (E2eRole | null)[] = [null, ...E2E_ROLES];

for (const actor of actors) {
  test(`${actor ?? 'no session'}: every route answers as its access rule says`, async () => {
    const context = await playwrightRequest.newContext({
      baseURL: E2E_BASE_URL,
      storageState: actor ? storageStatePath(actor) : undefined,
      maxRedirects: 0,
    });
    const failures: string[] = [];
    for (const route of routes) {
      const routeRule = ROUTE_ACCESS[route.pattern];
      if (!routeRule) continue;
      const url = sampleUrl(route.pattern, SEGMENT_SAMPLES);
      for (const method of route.methods) {
        const rule = ruleFor(routeRule, method);
        if (rule === 'public') continue;
        const response = await context.fetch(url, {
          method,
          headers: {
            origin: E2E_BASE_URL,
            'content-type':
              route.kind === 'api' && rule === 'twilio' ? 'application/x-www-form-urlencoded' : 'application/json',
          },
          data: method === 'GET' ? undefined : rule === 'twilio' ? 'CallSid=CA00000000000000000000000000000000' : '{}',
        });
        const status = response.status();
        const permitted = allows(rule, actor);
        const label = `${method} ${url} as ${actor ?? 'no session'}: ${status}`;
        if (route.kind === 'page') {
          const location = response.headers()['location'] ?? '';
          if (actor === null && !permitted && !(status === 307 && location.includes('/login')))
            failures.push(`${label}, expected a redirect to /login`);
          if (actor !== null && !permitted && status !== 403) failures.push(`${label}, expected 403`);
          if (permitted && [401, 403].includes(status)) failures.push(`${label}, expected access`);
        } else if (rule === 'twilio') {
          if (status !== 403) failures.push(`${label}, expected 403 for an unsigned webhook`);
        } else {
          const expected = permitted ? null : actor === null ? 401 : 403;
          if (expected && status !== expected) failures.push(`${label}, expected ${expected}`);
          if (expected && !(response.headers()['content-type'] ?? '').includes('application/json'))
            failures.push(`${label}, expected a JSON error`);
          if (!expected && [401, 403].includes(status)) failures.push(`${label}, expected access`);
          if (status >= 500) failures.push(`${label}, a server error`);
        }
      }
    }
    await context.dispose();
    expect(failures).toEqual([]);
  });
}
