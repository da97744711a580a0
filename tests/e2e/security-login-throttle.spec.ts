import { randomBytes } from 'node:crypto';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { LoginPage } from './pages/login-page';
import { securitySession } from './support/security-app';

/**
 * Login throttling end to end, on the login page. Every attempt here carries its own made-up X-Forwarded-For
 * (the app counts failures per x-forwarded-for address, lib/auth/client-address.ts), so the other tests' address
 * is never locked out, and only throwaway accounts created here are ever locked: never those of E2E_ACCOUNTS.
 */

const MAX_FAILURES = Number(process.env.LOGIN_MAX_FAILURES ?? 10);
const THROTTLED = /Too many failed sign-in attempts\. Wait 15 minutes and try again/;
const MISMATCH = 'That email and password do not match an active account.';

/** A documentation-range address (RFC 5737) no other test uses. */
function freshAddress(): string {
  const [a = 0, b = 0] = randomBytes(2);
  return `198.51.${a}.${Math.max(1, b)}`;
}

async function addThrowawayMember(browser: Browser): Promise<{ email: string; password: string }> {
  const suffix = randomBytes(4).toString('hex');
  const member = { name: `Throttle Test ${suffix}`, email: `throttle-${suffix}@switchboard.test`, password: `throwaway-${suffix}-pw` };
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
async function attempt(context: BrowserContext, address: string, email: string, password: string): Promise<string | null> {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  const alert = page.getByRole('alert').filter({ hasText: /./ });
  const outcome = await Promise.race([
    alert.first().waitFor().then(async () => (await alert.first().textContent()) ?? ''),
    page.waitForURL((url) => !url.pathname.startsWith('/login')).then(() => null),
  ]);
  await page.close();
  return outcome;
}

test.describe('login throttling', () => {
  test('after too many wrong passwords for one account, the login page refuses even the right password, from any address, with the throttle message', async ({ browser }) => {
    const member = await addThrowawayMember(browser);
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      expect(await attempt(context, freshAddress(), member.email, `wrong-password-${i}`), `failure ${i + 1} is an ordinary mismatch`).toBe(MISMATCH);
    }
    expect(await attempt(context, freshAddress(), member.email, member.password)).toMatch(THROTTLED);
    expect(await attempt(context, freshAddress(), member.email, 'another-wrong-password'), 'the throttled answer does not reveal whether the password was right').toMatch(THROTTLED);
    expect(await attempt(context, freshAddress(), member.email.toUpperCase(), member.password), 'the same account spelled in capitals is the same account').toMatch(THROTTLED);
    await context.close();
  });

  test('after too many failed sign-ins from one address across many accounts, that address is refused even with a correct password, while the account still signs in from elsewhere', async ({ browser }) => {
    const member = await addThrowawayMember(browser);
    const address = freshAddress();
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (let i = 0; i < MAX_FAILURES; i += 1) {
      const stranger = `nobody-${randomBytes(4).toString('hex')}@switchboard.test`;
      expect(await attempt(context, address, stranger, 'guessing-a-password'), `failure ${i + 1} from ${address}`).toBe(MISMATCH);
    }
    expect(await attempt(context, address, member.email, member.password)).toMatch(THROTTLED);
    expect(await attempt(context, freshAddress(), member.email, member.password), 'the account itself is not locked').toBeNull();
    await context.close();
  });

  test('an account below the limit still signs in, and a successful sign-in does not lift the limit of its address', async ({ browser }) => {
    const member = await addThrowawayMember(browser);
    const address = freshAddress();
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    for (let i = 0; i < MAX_FAILURES - 1; i += 1) expect(await attempt(context, address, member.email, `wrong-${i}`)).toBe(MISMATCH);
    expect(await attempt(context, address, member.email, member.password), 'one failure short of the limit, the right password works').toBeNull();
    await context.clearCookies();
    const stranger = `nobody-${randomBytes(4).toString('hex')}@switchboard.test`;
    expect(await attempt(context, address, stranger, 'guessing-a-password'), 'the address has now failed as often as the limit allows').toBe(MISMATCH);
    expect(await attempt(context, address, member.email, member.password), 'signing in cleared the account, not the address').toMatch(THROTTLED);
    await context.close();
  });
});
