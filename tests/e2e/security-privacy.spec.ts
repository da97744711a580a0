import { expect, test, type APIRequestContext } from '@playwright/test';
import { eventually } from '../support/eventually';
import {
  allCards,
  apiAs,
  consoleView,
  emulator,
  emulatorState,
  hangUp,
  json,
  madeUpNumber,
  openDemoLines,
  ringCaller,
  SETTLE_POLL_MS,
  SETTLE_TIMEOUT_MS,
  type EmulatorStateLite,
} from './support/security-app';

/**
 * Caller numbers stay private: Twilio advises against phone numbers in conference names, and the host sees only
 * the last four digits. The caller here rings from a made-up number through the emulator and is taken through
 * every room (hold, screening, deck/live, on air); at each stage the phone network's view is searched for it.
 */

/** Everything of the phone network's state that carries a name the app chose: rooms, labels, callback URLs, TwiML. */
function appChosenNames(state: EmulatorStateLite): string[] {
  return [
    ...state.conferences.map((c) => `conference ${c.friendlyName}`),
    ...state.participants.map((p) => `participant label ${p.label ?? ''}`),
    ...state.calls.map((c) => `call in room ${c.room ?? ''}`),
    ...state.webhooks.map((w) => `webhook URL ${w.url}`),
    ...state.webhooks.filter((w) => (w.body ?? '').includes('<Response>')).map((w) => `TwiML ${w.body ?? ''}`),
  ];
}

function mentions(text: string, number: string): boolean {
  const digits = number.replace(/\D/g, '');
  return (
    text.replace(/\D/g, '').includes(digits.slice(-10)) ||
    text.includes(number) ||
    text.includes(encodeURIComponent(number))
  );
}

test.describe('caller privacy', () => {
  let producer: APIRequestContext;
  let screener: APIRequestContext;
  let host: APIRequestContext;
  let lines: Awaited<ReturnType<typeof openDemoLines>>;
  const legs: string[] = [];

  test.beforeAll(async () => {
    producer = await apiAs('producer');
    screener = await apiAs('screener');
    host = await apiAs('host');
    lines = await openDemoLines(producer);
  });

  test.afterAll(async () => {
    for (const leg of legs) await hangUp(leg);
    await lines.close();
    for (const api of [producer, screener, host]) await api.dispose();
  });

  async function connectBrowser(api: APIRequestContext, params: Record<string, string>): Promise<string> {
    const response = await api.post('/api/voice-token');
    expect(response.status(), await response.text()).toBe(200);
    const { token, identity } = await json<{ token: string; identity: string }>(response);
    const { sid } = await emulator<{ sid: string }>(
      'POST',
      `/_emulator/clients/${encodeURIComponent(identity)}/connect`,
      { token, params },
    );
    legs.push(sid);
    await eventually(
      async () => (await emulatorState()).calls.find((c) => c.sid === sid && c.room),
      `the ${identity} browser in its room`,
      SETTLE_TIMEOUT_MS,
      SETTLE_POLL_MS,
    );
    return sid;
  }

  async function settledIn(sessionId: string, state: string) {
    return eventually(
      async () => {
        const card = allCards(await consoleView(producer, lines.showId)).find((c) => c.id === sessionId);
        return card && card.state === state && !card.moving && card.confirmedRoom === card.room ? card : null;
      },
      `the caller ${state} and confirmed in its room`,
      SETTLE_TIMEOUT_MS,
      SETTLE_POLL_MS,
    );
  }

  test('a caller’s number never appears in a conference name, participant label, callback URL or TwiML, through hold, screening, deck and air', async () => {
    const number = madeUpNumber();
    const caller = await ringCaller(producer, lines.showId, number);
    legs.push(caller.callSid);
    const seen: string[] = appChosenNames(await emulatorState());

    await connectBrowser(screener, {});
    const pickup = await screener.post(`/api/calls/${caller.sessionId}/pickup`, { data: {} });
    expect(pickup.status(), await pickup.text()).toBe(200);
    await settledIn(caller.sessionId, 'screening');
    seen.push(...appChosenNames(await emulatorState()));

    const approve = await screener.post(`/api/calls/${caller.sessionId}/approve`, {
      data: { card: { name: 'Pat Private', topic: 'privacy' } },
    });
    expect(approve.status(), await approve.text()).toBe(200);
    await settledIn(caller.sessionId, 'ready');
    seen.push(...appChosenNames(await emulatorState()));

    await connectBrowser(host, { room: 'live', episodeId: lines.episodeId });
    const air = await host.post(`/api/calls/${caller.sessionId}/air`, { data: {} });
    expect(air.status(), await air.text()).toBe(200);
    await settledIn(caller.sessionId, 'on_air');
    seen.push(...appChosenNames(await emulatorState()));

    const rooms = seen.filter((s) => s.startsWith('conference '));
    expect(rooms.length, 'the caller went through several conferences').toBeGreaterThanOrEqual(3);
    expect(seen.filter((s) => mentions(s, number))).toEqual([]);

    const drop = await host.post(`/api/calls/${caller.sessionId}/drop`, { data: {} });
    expect(drop.status(), await drop.text()).toBe(200);
  });

  test('a host sees only the last four digits of a caller’s number, and the one polling endpoint is the console', async () => {
    const number = madeUpNumber();
    const caller = await ringCaller(producer, lines.showId, number);
    legs.push(caller.callSid);
    const consoleAnswer = await host.get(`/api/shows/${lines.showId}/console`);
    expect(consoleAnswer.status()).toBe(200);
    const consoleText = await consoleAnswer.text();
    expect(consoleText, 'the host console').toContain(number.slice(-4));
    expect(mentions(consoleText, number), 'the host console masks the number').toBe(false);
    expect(
      consoleAnswer.headers()['etag'],
      'the ETag is the change counter and the reader, not a hash of the board',
    ).toMatch(/^"c\d+-\d+-host-[0-9a-f-]+"$/);

    // The board endpoint, whose host ETag was a hash of the unmasked board, is retired.
    const boardAnswer = await host.get(`/api/episodes/${lines.episodeId}/board`);
    expect(boardAnswer.status()).toBe(404);
  });
});
