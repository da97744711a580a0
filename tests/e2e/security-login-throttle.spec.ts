import { randomBytes } from 'node:crypto';
import { expect, request as playwrightRequest, test, type Browser, type BrowserContext } from '@playwright/test';
import { E2E_BASE_URL } from './e2e-env';
import { LoginPage } from './pages/login-page';
import { securitySession } from './support/security-app';

/**
 * Login throttling end to end, on the login page. The e2e server trusts one proxy (TRUSTED_PROXY_COUNT=1,
 * scripts/e2e-server.mjs): this suite plays that proxy, so every attempt here carries its own made-up
 * X-Forwarded-For and the other tests' address is never locked out, and only throwaway accounts created here are
 * ever locked: never those of E2E_ACCOUNTS. That a client's X-Forwarded-For is ignored by default is probed by
 * security-start.spec.ts against a server with the default settings.
 */

const MAX_FAILURES = Number(process.env.LOGIN_MAX_FAILURES ?? 10);
const MAX_ACCOUNTS_PER_ADDRESS = Number(process.env.LOGIN_MAX_ACCOUNTS_PER_ADDRESS ?? 10);
const THROTTLED = /Too many failed sign-in attempts\. Wait 15 minutes and try again/;
const MISMATCH = 'That email and password do not match an active account.';

/** A documentation-range address (RFC 5737) no other test uses. */
function freshAddress(): string {
  const [a = 0, b = 0] = randomBytes(2);
  return `198.51.${a}.${Math.max(1, b)}`;
}

async function addThrowawayMember(browser: Browser): Promise<{ email: string; password: string }> {
  const suffix = randomBytes(4).toString('hex');
  const member = {
    name: `Throttle Test ${suffix}`,
    email: `throttle-${suffix}@switchboard.test`,
    password: `throwaway-${suffix}-pw`,
  };
  const producer = await browser.newContext({ storageState: await securitySession('producer') });
  const page = await producer.newPage();
  await page.goto('/producer/team');
  await page.getByLabel('Name', { exact: true }).fill(member.name);
  await page.getByLabel('Email', { exact: true }).fill(member.email);
  await page.getByLabel('Password', { exact: true }).fill(member.password);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByText(`Added ${member.name} as screener.`)).toBeVisible();
  await producer.close();
  return member;
}

/** One sign-in attempt on a fresh login page, from the given address; answers the alert text, or null when signed in. */
async function attempt(
  context: BrowserContext,
  address: string,
  email: string,
  password: string,
): Promise<string | null> {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  const alert = page.getByRole('alert').filter({ hasText: /./ });
  const outcome = await Promise.race([
    alert
      .first()
      .waitFor()
      .then(async () => (await alert.first().textContent()) ?? ''),
    page.waitForURL((url) => !url.pathname.startsWith('/login')).then(() => null),
  ]);
  await page.close();
  return outcome;
}

test.describe('login throttling', () => {
  test('after too many wrong passwords for one account, the login page refuses even the right password, from any address, with the throttle message', async ({
    browser,
  }) => {
    const member = await addThrowawayMember(browser);
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      expect(
        await attempt(context, freshAddress(), member.email, `wrong-password-${i}`),
        `failure ${i + 1} is an ordinary mismatch`,
      ).toBe(MISMATCH);
    }
    expect(await attempt(context, freshAddress(), member.email, member.password)).toMatch(THROTTLED);
    expect(
      await attempt(context, freshAddress(), member.email, 'another-wrong-password'),
      'the throttled answer does not reveal whether the password was right',
    ).toMatch(THROTTLED);
    expect(
      await attempt(context, freshAddress(), member.email.toUpperCase(), member.password),
      'the same account spelled in capitals is the same account',
    ).toMatch(THROTTLED);
    await context.close();
  });

  test('after too many failed sign-ins from one address across many accounts, that address is refused even with a correct password, while the account still signs in from elsewhere', async ({
    browser,
  }) => {
    const member = await addThrowawayMember(browser);
    const address = freshAddress();
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (let i = 0; i < MAX_ACCOUNTS_PER_ADDRESS; i += 1) {
      const stranger = `nobody-${randomBytes(4).toString('hex')}@switchboard.test`;
      expect(await attempt(context, address, stranger, 'guessing-a-password'), `failure ${i + 1} from ${address}`).toBe(
        MISMATCH,
      );
    }
    expect(await attempt(context, address, member.email, member.password)).toMatch(THROTTLED);
    expect(
      await attempt(context, freshAddress(), member.email, member.password),
      'the account itself is not locked',
    ).toBeNull();
    await context.close();
  });

  test('one person’s typos behind a shared address never lock out a colleague there, and the right password below the limit forgives them', async ({
    browser,
  }) => {
    const clumsy = await addThrowawayMember(browser);
    const colleague = await addThrowawayMember(browser);
    const studio = freshAddress();
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (let i = 0; i < MAX_FAILURES - 1; i += 1)
      expect(await attempt(context, studio, clumsy.email, `wrong-${i}`)).toBe(MISMATCH);
    expect(
      await attempt(context, studio, clumsy.email, clumsy.password),
      'one failure short of the limit, the right password works',
    ).toBeNull();
    await context.clearCookies();
    for (let i = 0; i < MAX_FAILURES; i += 1)
      expect(await attempt(context, studio, clumsy.email, `typo-again-${i}`), `typo ${i + 1} after signing in`).toBe(
        MISMATCH,
      );
    expect(
      await attempt(context, studio, clumsy.email, clumsy.password),
      'the limit counts again from the sign-in',
    ).toMatch(THROTTLED);
    expect(
      await attempt(context, studio, colleague.email, colleague.password),
      'the colleague behind the same router is not locked out',
    ).toBeNull();
    await context.close();
  });

  test('40 simultaneous sign-ins for one account (39 wrong, the right one last) check no more passwords than the limit, and the rest are throttled', async ({
    browser,
  }) => {
    const member = await addThrowawayMember(browser);
    const api = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const passwords = [...Array.from({ length: 39 }, (_, i) => `wrong-at-once-${i}`), member.password];
    const answers = await Promise.all(
      passwords.map(async (password) => {
        const response = await api.post('/api/auth/callback/credentials', {
          form: { csrfToken, email: member.email, password, callbackUrl: '/' },
          headers: { 'x-forwarded-for': freshAddress() },
          maxRedirects: 0,
        });
        expect(response.status()).toBe(302);
        const location = new URL(response.headers()['location'] ?? '', E2E_BASE_URL);
        if (!location.searchParams.get('error')) return 'signed in';
        return location.searchParams.get('code') === 'throttled' ? 'throttled' : 'checked and wrong';
      }),
    );
    const checked = answers.filter((a) => a !== 'throttled');
    expect(checked.length, answers.join(', ')).toBeLessThanOrEqual(MAX_FAILURES);
    expect(answers.filter((a) => a === 'throttled').length).toBeGreaterThanOrEqual(40 - MAX_FAILURES);
    await api.dispose();
  });
});
