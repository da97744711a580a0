import { randomBytes, randomUUID } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { encode } from 'next-auth/jwt';
import { E2E_BASE_URL } from './e2e-env';
import { AppShell } from './pages/app-shell';
import { LoginPage } from './pages/login-page';
import {
  apiAs,
  ATTACKER_ORIGIN,
  demoShowId,
  expectJsonError,
  hangUp,
  openDemoLines,
  parseCsv,
  ringCaller,
  securitySession,
} from './support/security-app';

/**
 * Accounts and hostile input, probed from outside against the production build: access taken away ends the
 * sessions that had it, server actions get the same origin check as the API, and input that PostgreSQL or a
 * spreadsheet would choke on is answered with a 4xx or defused. Only throwaway accounts created here are
 * signed out, reset or disabled.
 */

interface Member {
  name: string;
  email: string;
  password: string;
}

async function producerPage(browser: Browser) {
  const context = await browser.newContext({ storageState: await securitySession('producer') });
  const page = await context.newPage();
  await page.goto('/producer/team');
  return { page, close: () => context.close() };
}

async function addThrowawayMember(browser: Browser): Promise<Member> {
  const suffix = randomBytes(4).toString('hex');
  const member = {
    name: `Access Test ${suffix}`,
    email: `access-${suffix}@switchboard.test`,
    password: `throwaway-${suffix}-pw`,
  };
  const { page, close } = await producerPage(browser);
  await page.getByLabel('Name', { exact: true }).fill(member.name);
  await page.getByLabel('Email', { exact: true }).fill(member.email);
  await page.getByLabel('Password', { exact: true }).fill(member.password);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByText(`Added ${member.name} as screener.`)).toBeVisible();
  await close();
  return member;
}

async function signedIn(browser: Browser, member: Member): Promise<BrowserContext> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(member.email, member.password);
  await expect(page).toHaveURL(/\/screen(\?show=[\w-]+)?$/);
  await page.close();
  return context;
}

/** Whether the context's cookie still opens the screening console (rather than leading to the login page). */
async function stillSignedIn(context: BrowserContext): Promise<boolean> {
  const page = await context.newPage();
  await page.goto('/screen');
  const inside = !new URL(page.url()).pathname.startsWith('/login');
  await page.close();
  return inside;
}

/** A second browser holding a copy of the first one's session cookie. */
async function copyOf(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  return browser.newContext({ storageState: await context.storageState() });
}

test.describe('taking access away', () => {
  test('signing out ends the session: a copy of its cookie no longer opens anything', async ({ browser }) => {
    const member = await addThrowawayMember(browser);
    const original = await signedIn(browser, member);
    const copy = await copyOf(browser, original);
    expect(await stillSignedIn(copy)).toBe(true);
    const producer = await apiAs('producer');
    const showId = await demoShowId(producer);
    // The console poll reads the cookie on its own short path: it must refuse what the rest refuses.
    expect((await copy.request.get(`/api/shows/${showId}/console`)).status()).toBe(200);
    const page = await original.newPage();
    await page.goto('/screen');
    await new AppShell(page).signOut();
    expect(await stillSignedIn(copy), 'the copied cookie of a signed-out session').toBe(false);
    const api = await copy.request.get(`/api/shows/${showId}/lines`);
    expect(api.status(), 'the API refuses the copied cookie too').toBe(401);
    const poll = await copy.request.get(`/api/shows/${showId}/console`);
    expect(poll.status(), 'the console poll refuses the copied cookie too').toBe(401);
    await producer.dispose();
    await Promise.all([original.close(), copy.close()]);
  });

  test('a producer resetting a password ends the sessions signed in with the old one', async ({ browser }) => {
    const member = await addThrowawayMember(browser);
    const session = await signedIn(browser, member);
    const { page, close } = await producerPage(browser);
    const row = page.getByRole('listitem', { name: `Team member ${member.name}` });
    await row.getByLabel(`New password for ${member.name}`).fill(`${member.password}-new`);
    await row.getByRole('button', { name: 'Reset password' }).click();
    await expect(row.getByText(`New password set for ${member.name}.`, { exact: false })).toBeVisible();
    await close();
    expect(await stillSignedIn(session)).toBe(false);
    expect(await stillSignedIn(await signedIn(browser, { ...member, password: `${member.password}-new` }))).toBe(true);
    await session.close();
  });

  test('disabling an account ends its sessions at once', async ({ browser }) => {
    const member = await addThrowawayMember(browser);
    const session = await signedIn(browser, member);
    const { page, close } = await producerPage(browser);
    await page.getByRole('button', { name: `Disable ${member.name}` }).click();
    await expect(page.getByText(`${member.name} can no longer sign in.`)).toBeVisible();
    await close();
    expect(await stillSignedIn(session)).toBe(false);
    await session.close();
  });
});

test.describe('hostile requests', () => {
  test('a console poll with a forged session cookie is refused with 401', async ({ playwright }) => {
    const producer = await apiAs('producer');
    const showId = await demoShowId(producer);
    await producer.dispose();
    const otherSecret = await encode({
      token: { uid: randomUUID(), role: 'producer', epoch: 0, sid: randomUUID() },
      secret: 'a-secret-that-is-not-the-apps-0123456789',
      salt: 'authjs.session-token',
    });
    for (const cookie of ['not-a-token', otherSecret]) {
      const client = await playwright.request.newContext({
        baseURL: E2E_BASE_URL,
        extraHTTPHeaders: { cookie: `authjs.session-token=${cookie}` },
      });
      expect((await client.get(`/api/shows/${showId}/console`)).status()).toBe(401);
      await client.dispose();
    }
  });

  test('a server action (a POST to a page) without an Origin, or from another site, is refused with 403 before it runs', async () => {
    const variants: Record<string, string>[] = [{}, { origin: ATTACKER_ORIGIN }, { origin: 'null' }];
    for (const headers of variants) {
      const producer = await apiAs('producer', headers);
      for (const path of ['/producer/team', '/producer/shows/new', '/login']) {
        const response = await producer.post(path, {
          headers: { 'next-action': 'a'.repeat(42), 'content-type': 'text/plain;charset=UTF-8' },
          data: '[]',
        });
        const label = `POST ${path} with ${JSON.stringify(headers)}`;
        expect(response.status(), label).toBe(403);
        expect((await expectJsonError(response, label)).code).toBe('forbidden:request');
      }
      await producer.dispose();
    }
  });

  test('a NUL character in a JSON text field is a 400 naming the problem, never a 500', async () => {
    const producer = await apiAs('producer');
    const lines = await openDemoLines(producer);
    const host = await apiAs('host');
    const attempts = [
      await producer.post('/api/tokens', { data: { name: 'automation\u0000' } }),
      await producer.post('/api/blocks', { data: { phoneNumber: '+14155550000', reason: 'spam\u0000' } }),
      await producer.post(`/api/shows/${lines.showId}/lines`, { data: { title: 'Monday\u0000' } }),
      await host.post(`/api/episodes/${lines.episodeId}/messages`, { data: { body: 'hello\u0000there' } }),
    ];
    for (const response of attempts) {
      const label = response.url();
      expect(response.status(), label).toBe(400);
      expect((await expectJsonError(response, label)).message, label).toMatch(/NUL character/);
    }
    await lines.close();
    await Promise.all([producer.dispose(), host.dispose()]);
  });

  test('closing the lines of a show that does not exist is a 404, not a 409', async () => {
    const producer = await apiAs('producer');
    const response = await producer.delete(`/api/shows/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/lines`);
    expect(response.status()).toBe(404);
    expect((await expectJsonError(response, 'DELETE lines of an unknown show')).code).toBe('not_found:show');
    await producer.dispose();
  });

  test('the call history export quotes cells with a semicolon or a tab and defuses formulas', async () => {
    const producer = await apiAs('producer');
    const lines = await openDemoLines(producer);
    const caller = await ringCaller(producer, lines.showId);
    const card = await producer.patch(`/api/calls/${caller.sessionId}/card`, {
      data: { name: 'Ann; Lee', location: 'Tab\there', topic: '=HYPERLINK("https://attacker.example")' },
    });
    expect(card.status(), await card.text()).toBe(200);
    const csv = await (await producer.get('/api/history/export')).text();
    expect(csv).toContain('"Ann; Lee"');
    expect(csv).toContain('"Tab\there"');
    expect(csv).toContain(`"'=HYPERLINK(""https://attacker.example"")"`);
    const row = parseCsv(csv).find((cells) => cells.includes('Ann; Lee'));
    expect(row, 'the quoted cells read back as one cell each').toBeDefined();
    await hangUp(caller.callSid);
    await lines.close();
    await producer.dispose();
  });
});
