import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { lanAddresses } from '../../scripts/lan-addresses.mjs';
import { E2E_ACCOUNTS, E2E_EMULATOR_PORT, E2E_PORT } from './e2e-env';

/**
 * The README's run command, `npm run dev` (scripts/dev.mjs), started as a new team would: with the default
 * settings, on its own ports and database. It must serve the production build the browser tests already built
 * (reused, not rebuilt), at every address it prints, with consoles that hydrate at each; and with no trusted
 * proxy configured, a client's X-Forwarded-For must not change the address its failed logins count against.
 * Stopped as a process manager stops it, it must take the app and the emulator down with it, promptly.
 */

const PORT = E2E_PORT + 2;
const EMULATOR_PORT = E2E_EMULATOR_PORT + 2;
const LOGIN_MAX_ACCOUNTS_PER_ADDRESS = 10;

let server: ChildProcess | undefined;
let output = '';
/** The cookie of the host signed in at 127.0.0.1, kept for the last test: by then the address is throttled. */
let signedInHostCookie = '';

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function healthy(base: string): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/health`)).ok;
  } catch {
    return false;
  }
}

test.describe('npm run dev', () => {
  test.describe.configure({ timeout: 300_000 });

  test.beforeAll(async () => {
    const dataDir = path.resolve('.data/e2e-start');
    rmSync(dataDir, { recursive: true, force: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(PORT),
      EMULATOR_PORT: String(EMULATOR_PORT),
      PGLITE_DIR: path.join(dataDir, 'pglite'),
      EMULATOR_TIME_SCALE: '0.1',
    };
    for (const name of [
      'DATABASE_URL',
      'TWILIO_ACCOUNT_SID',
      'TRUSTED_PROXY_COUNT',
      'PUBLIC_BASE_URL',
      'EMULATOR_URL',
      'LOGIN_MAX_ACCOUNTS_PER_ADDRESS',
    ])
      delete env[name];
    server = spawn('node', ['scripts/dev.mjs'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 240_000;
    while (!(await healthy(`http://127.0.0.1:${PORT}`))) {
      if (server.exitCode !== null || Date.now() > deadline)
        throw new Error(`npm run dev did not come up:\n${output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });

  test.afterAll(() => {
    if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  });

  test('serves the production build it finds unchanged, and prints localhost, 127.0.0.1 and each network address', () => {
    expect(output).toContain('Using the production build in .next (the sources have not changed since it was built).');
    expect(output).not.toMatch(/next dev|Compiling/);
    for (const host of ['localhost', '127.0.0.1', ...lanAddresses()])
      expect(output).toContain(`  http://${host}:${PORT}\n`);
  });

  test('at every printed address the login page hydrates and a demo host signs in to a working console', async ({
    browser,
  }) => {
    const printed = [...output.matchAll(/^ {2}(http:\/\/\S+)$/gm)].map((m) => m[1] ?? '');
    expect(printed.length).toBeGreaterThanOrEqual(2);
    for (const address of printed) {
      const context = await browser.newContext({ baseURL: address });
      const page = await context.newPage();
      await page.goto('/login');
      await page.waitForFunction(
        () => {
          const form = document.querySelector('form');
          return form !== null && Object.keys(form).some((key) => key.startsWith('__reactFiber'));
        },
        undefined,
        { timeout: 20_000 },
      );
      await page.getByLabel('Email').fill(E2E_ACCOUNTS.host.email);
      await page.getByLabel('Password').fill(E2E_ACCOUNTS.host.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page, `signing in at ${address}`).not.toHaveURL(/\/login/);
      await expect(page.getByRole('button', { name: 'Sign out' })).toBeEnabled();
      if (address.includes('127.0.0.1'))
        signedInHostCookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      await context.close();
    }
  });

  test('with no trusted proxy (the default), rotating X-Forwarded-For does not escape the limit of the address', async () => {
    const base = `http://127.0.0.1:${PORT}`;
    const api = await playwrightRequest.newContext({ baseURL: base });
    const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signIn = async (email: string, password: string, forged: string) => {
      const response = await api.post('/api/auth/callback/credentials', {
        form: { csrfToken, email, password, callbackUrl: '/' },
        headers: { 'x-forwarded-for': forged },
        maxRedirects: 0,
      });
      return new URL(response.headers()['location'] ?? '', base).searchParams.get('code');
    };
    for (let i = 0; i < LOGIN_MAX_ACCOUNTS_PER_ADDRESS; i += 1) {
      expect(await signIn(`sprayed-${i}@switchboard.test`, 'guess', `203.0.113.${i + 1}`), `guess ${i + 1}`).toBe(
        'credentials',
      );
    }
    expect(
      await signIn(E2E_ACCOUNTS.screener.email, E2E_ACCOUNTS.screener.password, '198.51.100.200'),
      'a fresh forged address changes nothing',
    ).toBe('throttled');
    await api.dispose();
  });

  test('stopped as a process manager stops it (SIGTERM to it alone), it takes the app and the emulator down within seconds, answering a held console poll first', async () => {
    const running = server;
    if (!running?.pid) throw new Error('npm run dev is not running');
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = signedInHostCookie;
    expect(cookie, 'the host signed in at 127.0.0.1 in an earlier test').not.toBe('');
    const showId = /data-show-id="([^"]+)"/.exec(
      await (await fetch(`${base}/host`, { headers: { cookie } })).text(),
    )?.[1];
    const url = `${base}/api/shows/${showId}/console`;
    const etag = (await fetch(url, { headers: { cookie } })).headers.get('etag') ?? '';
    // A visible console's poll, as its hook sends it; nothing changes, so the app holds it.
    const held = fetch(url, { headers: { cookie, 'if-none-match': etag, prefer: 'wait=25' } });
    const stillHeld = await Promise.race([
      held.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 1000)),
    ]);
    expect(stillHeld, 'a poll with nothing new is still unanswered after a second: the app holds it').toBe(true);
    const exited = new Promise<number | null>((resolve) => running.once('exit', (code) => resolve(code)));
    process.kill(running.pid, 'SIGTERM');
    const answer = await held;
    expect(answer.status, 'the held poll is answered, not cut off').toBe(304);
    expect(answer.headers.get('connection'), 'on a connection the stopping app closes').toBe('close');
    expect(await exited, 'everything stopped by itself (dev.mjs kills what has not after 10 s, and exits 1)').toBe(0);
    expect(await listening(PORT), 'the app port is free').toBe(false);
    expect(await listening(EMULATOR_PORT), 'the emulator port is free').toBe(false);
  });
});
