import { randomBytes } from 'node:crypto';
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from '@playwright/test';
import twilio from 'twilio';
import { EMULATOR_AUTH_TOKEN } from '../../../emulator/src/constants';
import { DEMO_SHOW } from '../../../lib/bootstrap/demo';
import { ENDED_CALL_STATUSES } from '../../../lib/telephony/call-session-machine';
import { discoverRoutes, type DiscoveredRoute } from '../../support/route-discovery';
import { E2E_ACCOUNTS, E2E_BASE_URL, E2E_EMULATOR_URL, E2E_SHOW_NUMBER, type E2eRole } from '../e2e-env';
import { emulatorControl } from '../../support/emulator-control-client';
import { eventually } from '../../support/eventually';

/**
 * What the security specs share: signed webhooks, API contexts per role, the demo show with its lines open, a
 * real caller rung through the emulator, and a snapshot of everything a producer can read back through the API
 * (to prove that a refused request changed nothing).
 */

/** The e2e app runs in rehearsal mode, so Twilio's auth token is the emulator's. */
export const WEBHOOK_AUTH_TOKEN = EMULATOR_AUTH_TOKEN;
export const STATE_CHANGING = ['POST', 'PUT', 'PATCH', 'DELETE'];
export const ATTACKER_ORIGIN = 'https://attacker.example';

export const webhookRoutes = (): DiscoveredRoute[] =>
  discoverRoutes().filter((r) => r.kind === 'api' && r.pattern.startsWith('/api/twilio/'));
/** API routes a signed-in person calls with JSON (everything but Twilio's webhooks and Auth.js's own endpoints). */
export const jsonApiRoutes = (): DiscoveredRoute[] =>
  discoverRoutes().filter(
    (r) => r.kind === 'api' && !r.pattern.startsWith('/api/twilio/') && !r.pattern.startsWith('/api/auth/'),
  );

export function sign(url: string, params: Record<string, string>, token = WEBHOOK_AUTH_TOKEN): string {
  return twilio.getExpectedTwilioSignature(token, url, params);
}

/** A fresh, well-formed CallSid that no call has. */
export function fakeCallSid(): string {
  return `CA${randomBytes(16).toString('hex')}`;
}

export function fakeConferenceSid(): string {
  return `CF${randomBytes(16).toString('hex')}`;
}

/** A made-up North American number nobody else in the suite uses; the digits are distinctive enough to search logs for. */
export function madeUpNumber(): string {
  return `+1415${String(1_000_000 + Math.floor(Math.random() * 8_999_999)).slice(0, 7)}`;
}

const sessions = new Map<E2eRole, Promise<string>>();

/**
 * A signed-in session of the security specs' own, through Auth.js's credentials endpoint, kept in its own file:
 * the shared storage states of auth.setup.ts may be rewritten by another Playwright run while these specs run.
 */
export function securitySession(role: E2eRole): Promise<string> {
  let session = sessions.get(role);
  if (!session) {
    session = (async () => {
      const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
      const { csrfToken } = await json<{ csrfToken: string }>(await context.get('/api/auth/csrf'));
      const { email, password } = E2E_ACCOUNTS[role];
      const signIn = await context.post('/api/auth/callback/credentials', {
        form: { csrfToken, email, password, callbackUrl: '/' },
        maxRedirects: 0,
      });
      expect(signIn.status(), `signing in as ${role}`).toBe(302);
      expect(signIn.headers()['location'] ?? '', `signing in as ${role}`).not.toContain('error');
      const path = `test-results/.auth/security-${role}.json`;
      await context.storageState({ path });
      await context.dispose();
      return path;
    })();
    sessions.set(role, session);
  }
  return session;
}

export async function apiAs(
  role: E2eRole | null,
  extraHeaders: Record<string, string> = { origin: E2E_BASE_URL },
): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: E2E_BASE_URL,
    storageState: role ? await securitySession(role) : undefined,
    extraHTTPHeaders: extraHeaders,
    maxRedirects: 0,
  });
}

/** Sends a webhook the way Twilio does: form-encoded POST (or GET with the params in the query), signed over the URL. */
export async function sendWebhook(
  api: APIRequestContext,
  options: {
    path: string;
    method?: string;
    params: Record<string, string>;
    signature?: string | null;
    signedUrl?: string;
    signedParams?: Record<string, string>;
    token?: string;
  },
): Promise<APIResponse> {
  const method = options.method ?? 'POST';
  const query =
    method === 'GET' && Object.keys(options.params).length > 0
      ? `${options.path.includes('?') ? '&' : '?'}${new URLSearchParams(options.params).toString()}`
      : '';
  const url = `${E2E_BASE_URL}${options.path}${query}`;
  const signature =
    options.signature === undefined
      ? sign(options.signedUrl ?? url, options.signedParams ?? (method === 'GET' ? {} : options.params), options.token)
      : options.signature;
  return api.fetch(url, {
    method,
    headers: {
      ...(signature === null ? {} : { 'x-twilio-signature': signature }),
      ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}),
    },
    data: method === 'POST' ? new URLSearchParams(options.params).toString() : undefined,
  });
}

export async function json<T>(response: APIResponse): Promise<T> {
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(
      `${response.url()} answered ${response.status()} with a body that is not JSON: ${text.slice(0, 300)}`,
    );
  }
}

/** The demo show's id, read from the producer's show list. */
export async function demoShowId(producer: APIRequestContext): Promise<string> {
  const page = await producer.get('/producer/shows');
  expect(page.status()).toBe(200);
  const html = await page.text();
  const match = new RegExp(`href="/producer/shows/([0-9a-f-]{36})"[^>]*>${DEMO_SHOW.name}<`).exec(html);
  if (!match?.[1]) throw new Error(`the producer's show list does not link "${DEMO_SHOW.name}"`);
  return match[1];
}

export interface BoardCardLite {
  id: string;
  state: string;
  version: number;
  room: string | null;
  confirmedRoom: string | null;
  moving: boolean;
  fromNumber: string;
}
interface BoardLite {
  episode: { id: string };
  groups: Record<'queued' | 'screening' | 'ready' | 'on_air', BoardCardLite[]>;
  ended: BoardCardLite[];
}
export interface ConsoleViewLite {
  linesOpen: boolean;
  board: BoardLite | null;
  messages: { id: number; body: string }[];
}

export async function consoleView(api: APIRequestContext, showId: string): Promise<ConsoleViewLite> {
  const response = await api.get(`/api/shows/${showId}/console`);
  expect(response.status(), await response.text()).toBe(200);
  return json<ConsoleViewLite>(response);
}

export function allCards(view: ConsoleViewLite): BoardCardLite[] {
  if (!view.board) return [];
  const { groups, ended } = view.board;
  return [...groups.queued, ...groups.screening, ...groups.ready, ...groups.on_air, ...ended];
}

/**
 * Everything a producer can read back that a state-changing request could touch: the console (lines, board of
 * the latest episode, chat) and the whole call history. Two equal snapshots mean nothing visible changed.
 */
export async function snapshot(
  api: APIRequestContext,
  showId: string,
): Promise<{ console: ConsoleViewLite; history: string[][] }> {
  const history = await api.get('/api/history/export');
  expect(history.status()).toBe(200);
  return { console: await consoleView(api, showId), history: withoutClockColumns(parseCsv(await history.text())) };
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** The history's waiting and on-air seconds of live calls grow with the clock; everything else must hold still. */
function withoutClockColumns(rows: string[][]): string[][] {
  const header = rows[0] ?? [];
  const drop = new Set(['wait_seconds', 'air_seconds'].map((name) => header.indexOf(name)).filter((i) => i >= 0));
  return rows.map((row) => row.filter((_cell, i) => !drop.has(i)));
}

/** How long the browser tests wait for the app to settle, and how often they look. */
export const SETTLE_TIMEOUT_MS = 15_000;
export const SETTLE_POLL_MS = 100;

/** The emulator's control API (rehearsal's stand-in for the phone network). */
export const emulator = emulatorControl(E2E_EMULATOR_URL);

export interface EmulatorWebhook {
  kind: string;
  callSid: string | null;
  method: string;
  url: string;
  params: Record<string, string>;
  signature: string;
  status: number | null;
  body: string | null;
}
export interface EmulatorStateLite {
  calls: { sid: string; from: string; to: string; status: string; room: string | null }[];
  conferences: { sid: string; friendlyName: string; status: string; participants: string[] }[];
  participants: { callSid: string; conferenceSid: string; label: string | null }[];
  webhooks: EmulatorWebhook[];
}

export const emulatorState = () => emulator<EmulatorStateLite>('GET', '/_emulator/state');

/**
 * The demo show with its lines open for the duration of a spec. Opens them if they were closed, and `close()`
 * puts them back as found.
 */
export async function openDemoLines(
  producer: APIRequestContext,
): Promise<{ showId: string; episodeId: string; close(): Promise<void> }> {
  const showId = await demoShowId(producer);
  const opened = await producer.post(`/api/shows/${showId}/lines`, { data: { title: 'Security suite' } });
  const openedHere = opened.status() === 201;
  if (!openedHere) expect(opened.status(), await opened.text()).toBe(409);
  const view = await consoleView(producer, showId);
  expect(view.linesOpen).toBe(true);
  const episodeId = view.board?.episode.id;
  if (!episodeId) throw new Error('the demo show has open lines but no board');
  return {
    showId,
    episodeId,
    close: async () => {
      if (openedHere) expect((await producer.delete(`/api/shows/${showId}/lines`)).status()).toBe(200);
    },
  };
}

/** Rings the show from a made-up number and waits until the caller sits, confirmed, in its hold room. */
export async function ringCaller(
  producer: APIRequestContext,
  showId: string,
  from = madeUpNumber(),
): Promise<{ callSid: string; sessionId: string; from: string }> {
  const { sid } = await emulator<{ sid: string }>('POST', '/_emulator/calls', { from, to: E2E_SHOW_NUMBER });
  const card = await eventually(
    async () => {
      const found = allCards(await consoleView(producer, showId)).find((c) => c.fromNumber === from);
      return found && found.state === 'queued' && !found.moving && found.confirmedRoom === found.room ? found : null;
    },
    `the caller ${from} queued and confirmed in its hold room`,
    SETTLE_TIMEOUT_MS,
    SETTLE_POLL_MS,
  );
  return { callSid: sid, sessionId: card.id, from };
}

export async function hangUp(callSid: string): Promise<void> {
  const state = await emulatorState();
  const call = state.calls.find((c) => c.sid === callSid);
  if (call && !ENDED_CALL_STATUSES.has(call.status)) await emulator('POST', `/_emulator/calls/${callSid}/hangup`);
}

/** Waits until two snapshots in a row agree (callbacks of a ringing call have landed), and returns it. */
export async function settledSnapshot(api: APIRequestContext, showId: string) {
  let previous = await snapshot(api, showId);
  for (let i = 0; i < 20; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const next = await snapshot(api, showId);
    if (JSON.stringify(next) === JSON.stringify(previous)) return next;
    previous = next;
  }
  throw new Error('the board never settled');
}

/** A 4xx answer with the app's JSON error shape and a message a person can read. */
export async function expectJsonError(
  response: APIResponse,
  label: string,
): Promise<{ code: string; message: string }> {
  const type = response.headers()['content-type'] ?? '';
  const text = await response.text();
  expect(type, `${label}: content-type of ${response.status()} ${text.slice(0, 200)}`).toContain('application/json');
  const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
  expect(typeof body.error?.message, `${label}: ${text.slice(0, 200)}`).toBe('string');
  expect(String(body.error?.message).length, label).toBeGreaterThan(0);
  return { code: String(body.error?.code), message: String(body.error?.message) };
}

export { DEMO_SHOW };
