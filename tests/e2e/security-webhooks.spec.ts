import { expect, test, type APIRequestContext } from '@playwright/test';
import { E2E_BASE_URL, E2E_SHOW_NUMBER } from './e2e-env';
import {
  apiAs,
  emulatorState,
  fakeCallSid,
  fakeConferenceSid,
  hangUp,
  madeUpNumber,
  openDemoLines,
  ringCaller,
  sendWebhook,
  settledSnapshot,
  sign,
  webhookRoutes,
} from './support/security-app';

/**
 * X-Twilio-Signature end to end, against the running app: every route under /api/twilio/ (discovered from app/)
 * refuses an unsigned or tampered request with 403 before it reads or changes anything, accepts Twilio's own
 * signature, and shrugs off a replay.
 */

const routes = webhookRoutes();

interface Live {
  showId: string;
  episodeId: string;
  callSid: string;
  sessionId: string;
  conferenceSid: string;
  room: string;
}

/** Requests that would hurt if they were believed: end the real caller, invent a caller, requeue, ... */
function harmfulParams(pattern: string, live: Live): Record<string, string> | undefined {
  const table: Record<string, Record<string, string>> = {
    '/api/twilio/voice': {
      CallSid: fakeCallSid(),
      AccountSid: 'AC00000000000000000000000000e1a1a7',
      From: madeUpNumber(),
      To: E2E_SHOW_NUMBER,
      CallStatus: 'ringing',
      Direction: 'inbound',
    },
    '/api/twilio/status': { CallSid: live.callSid, CallStatus: 'completed', SequenceNumber: '90', CallDuration: '12' },
    '/api/twilio/conference-status': {
      ConferenceSid: live.conferenceSid,
      FriendlyName: live.room,
      StatusCallbackEvent: 'participant-leave',
      SequenceNumber: '90',
      CallSid: live.callSid,
      ReasonParticipantLeft: 'participant_hung_up',
    },
    '/api/twilio/dial-action': { CallSid: live.callSid, CallStatus: 'completed', DialCallStatus: 'answered' },
    '/api/twilio/device': {
      CallSid: fakeCallSid(),
      From: 'client:user-00000000-0000-4000-8000-000000000000',
      room: 'live',
      episodeId: live.episodeId,
    },
    '/api/twilio/baseline': {
      CallSid: fakeCallSid(),
      AccountSid: 'AC00000000000000000000000000e1a1a7',
      From: madeUpNumber(),
      To: E2E_SHOW_NUMBER,
      CallStatus: 'ringing',
      Direction: 'inbound',
    },
    '/api/twilio/cue': { ConferenceSid: live.conferenceSid, FriendlyName: live.room, cue: 'next' },
    // Believed, these would end the real caller's call for a callback, or put a stranger in a screening room.
    '/api/twilio/callback-choice': { CallSid: live.callSid, Digits: '1' },
    '/api/twilio/ringback': { CallSid: fakeCallSid(), session: live.sessionId, attempt: '1' },
    '/api/twilio/callback-offer': { ConferenceSid: live.conferenceSid, FriendlyName: live.room },
  };
  return table[pattern];
}

/** Genuine-looking requests whose effects are harmless (unknown calls and rooms), to show a good signature passes. */
function harmlessParams(pattern: string, live: Live): Record<string, string> | undefined {
  const table: Record<string, Record<string, string>> = {
    '/api/twilio/voice': { CallSid: live.callSid, From: '+15550000000', To: E2E_SHOW_NUMBER },
    '/api/twilio/status': { CallSid: fakeCallSid(), CallStatus: 'ringing', SequenceNumber: '0' },
    '/api/twilio/conference-status': {
      ConferenceSid: fakeConferenceSid(),
      FriendlyName: 'hold-00000000-0000-4000-8000-000000000000',
      StatusCallbackEvent: 'conference-start',
      SequenceNumber: '0',
    },
    '/api/twilio/dial-action': { CallSid: fakeCallSid(), DialCallStatus: 'answered' },
    '/api/twilio/device': { CallSid: fakeCallSid(), From: 'client:user-00000000-0000-4000-8000-000000000000' },
    '/api/twilio/baseline': { CallSid: fakeCallSid(), From: '+15550000000', To: E2E_SHOW_NUMBER },
    '/api/twilio/cue': { ConferenceSid: fakeConferenceSid(), cue: 'position', position: '2', wait: '90' },
    '/api/twilio/callback-choice': { CallSid: fakeCallSid(), Digits: '2' },
    '/api/twilio/ringback': { CallSid: fakeCallSid(), session: '00000000-0000-4000-8000-000000000000', attempt: '1' },
    '/api/twilio/callback-offer': { ConferenceSid: fakeConferenceSid() },
  };
  return table[pattern];
}

test.describe('webhook signatures', () => {
  let producer: APIRequestContext;
  let twilioSide: APIRequestContext;
  let lines: Awaited<ReturnType<typeof openDemoLines>>;
  let live: Live;

  test.beforeAll(async () => {
    producer = await apiAs('producer');
    twilioSide = await apiAs(null, {});
    lines = await openDemoLines(producer);
    const caller = await ringCaller(producer, lines.showId);
    const state = await emulatorState();
    const call = state.calls.find((c) => c.sid === caller.callSid);
    const conference = state.conferences.find((c) => c.friendlyName === call?.room);
    if (!call?.room || !conference) throw new Error(`the caller ${caller.callSid} is not in a conference`);
    live = {
      showId: lines.showId,
      episodeId: lines.episodeId,
      callSid: caller.callSid,
      sessionId: caller.sessionId,
      conferenceSid: conference.sid,
      room: call.room,
    };
  });

  test.afterAll(async () => {
    await hangUp(live.callSid);
    await lines.close();
    await producer.dispose();
    await twilioSide.dispose();
  });

  test('every webhook route under /api/twilio/ is covered by these scenarios', () => {
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const uncovered = routes
      .filter((r) => !harmfulParams(r.pattern, live) || !harmlessParams(r.pattern, live))
      .map((r) => r.pattern);
    expect(uncovered, 'give these routes sample parameters in security-webhooks.spec.ts').toEqual([]);
  });

  test('a webhook signed by Twilio with the right token is let through (not 403) on every route and method', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        const params = harmlessParams(route.pattern, live) ?? {};
        const response = await sendWebhook(twilioSide, { path: route.pattern, method, params });
        const type = response.headers()['content-type'] ?? '';
        const label = `${method} ${route.pattern}: ${response.status()} ${type}`;
        if (response.status() === 403) failures.push(`${label}, refused a genuine signature`);
        if (response.status() >= 500) failures.push(`${label}, a server error`);
        if (response.status() === 200 && !type.includes('xml')) failures.push(`${label}, expected TwiML`);
        if (response.status() === 200 && !/<Response[\s/>]/.test(await response.text()))
          failures.push(`${label}, expected a TwiML <Response>`);
      }
    }
    expect(failures).toEqual([]);
  });

  test('unsigned, tampered and wrongly signed webhooks are refused with 403 on every route, and change nothing', async () => {
    const before = await settledSnapshot(producer, live.showId);
    const failures: string[] = [];
    for (const route of routes) {
      for (const method of route.methods) {
        const params = harmfulParams(route.pattern, live) ?? {};
        const keys = Object.keys(params).sort();
        const lastKey = keys[keys.length - 1] ?? 'CallSid';
        const path = route.pattern;
        const url = `${E2E_BASE_URL}${path}`;
        const query = method === 'GET' ? `?${new URLSearchParams(params).toString()}` : '';
        const forgeries: [string, Parameters<typeof sendWebhook>[1]][] = [
          ['no signature', { path, method, params, signature: null }],
          ['an empty signature', { path, method, params, signature: '' }],
          ['a signature that is not base64 of anything', { path, method, params, signature: 'not-a-signature' }],
          [
            'one value changed after signing',
            {
              path,
              method,
              params: { ...params, [lastKey]: `${params[lastKey] ?? ''}x` },
              signedParams: method === 'GET' ? {} : params,
              signedUrl: method === 'GET' ? `${url}${query}` : url,
            },
          ],
          [
            'an extra parameter added after signing',
            {
              path,
              method,
              params: { ...params, Extra: '1' },
              signedParams: method === 'GET' ? {} : params,
              signedUrl: method === 'GET' ? `${url}${query}` : url,
            },
          ],
          [
            'a parameter removed after signing',
            {
              path,
              method,
              params: Object.fromEntries(keys.slice(0, -1).map((k) => [k, params[k] ?? ''])),
              signedParams: method === 'GET' ? {} : params,
              signedUrl: method === 'GET' ? `${url}${query}` : url,
            },
          ],
          [
            'the signature of another URL (query string changed)',
            { path, method, params, signedUrl: `${url}${query}${query ? '&' : '?'}callback=1` },
          ],
          [
            'the signature of another host with the same path',
            { path, method, params, signedUrl: `https://attacker.example${path}${query}` },
          ],
          [
            'the signature of another auth token',
            { path, method, params, token: 'an-attacker-guessed-auth-token-000' },
          ],
          [
            'the signature in lower case',
            { path, method, params, signature: sign(`${url}${query}`, method === 'GET' ? {} : params).toLowerCase() },
          ],
        ];
        for (const [what, request] of forgeries) {
          const response = await sendWebhook(twilioSide, request);
          const label = `${method} ${path} with ${what}: ${response.status()}`;
          if (response.status() !== 403) failures.push(`${label}, expected 403`);
          else if (!(response.headers()['content-type'] ?? '').includes('application/json'))
            failures.push(`${label}, expected a JSON error`);
        }
      }
    }
    expect(failures).toEqual([]);
    const after = await settledSnapshot(producer, live.showId);
    expect(after, 'a refused webhook changed the board or the call history').toEqual(before);
    const call = (await emulatorState()).calls.find((c) => c.sid === live.callSid);
    expect(call, 'the real caller is still on the line, in its hold room').toMatchObject({
      status: 'in-progress',
      room: live.room,
    });
  });

  test("Twilio's own webhooks for a call, replayed byte for byte, are answered the same way and change nothing", async () => {
    const state = await emulatorState();
    const genuine = state.webhooks.filter(
      (w) => w.callSid === live.callSid && w.status !== null && w.status < 300 && w.method === 'POST',
    );
    expect(
      genuine.map((w) => w.kind),
      'the emulator recorded the voice webhook and callbacks of the call',
    ).toContain('voice');
    const before = await settledSnapshot(producer, live.showId);
    for (const webhook of genuine) {
      const path = webhook.url.slice(E2E_BASE_URL.length);
      expect(webhook.url.startsWith(E2E_BASE_URL), webhook.url).toBe(true);
      const first = await sendWebhook(twilioSide, { path, params: webhook.params, signature: webhook.signature });
      const second = await sendWebhook(twilioSide, { path, params: webhook.params, signature: webhook.signature });
      for (const replay of [first, second]) {
        expect(replay.status(), `replay of ${webhook.kind} ${path}`).toBe(webhook.status);
        if (webhook.kind === 'voice')
          expect(await replay.text(), 'the replayed voice webhook keeps the caller in its own hold room').toContain(
            `>${live.room}</Conference>`,
          );
      }
    }
    const after = await settledSnapshot(producer, live.showId);
    expect(after, 'a replayed webhook changed the board or the history (a duplicate transition or session)').toEqual(
      before,
    );
    const cards = [...(after.console.board?.groups.queued ?? []), ...(after.console.board?.ended ?? [])].filter(
      (c) => c.id === live.sessionId,
    );
    expect(cards).toHaveLength(1);
  });

  test('a replayed status callback cannot hang up a caller twice or reopen a finished call', async () => {
    const caller = await ringCaller(producer, live.showId);
    await hangUp(caller.callSid);
    const ended = await (async () => {
      for (let i = 0; i < 60; i += 1) {
        const view = await settledSnapshot(producer, live.showId);
        const card = view.console.board?.ended.find((c) => c.id === caller.sessionId);
        if (card) return view;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('the hung-up caller never showed as ended');
    })();
    const completed = (await emulatorState()).webhooks.filter(
      (w) => w.callSid === caller.callSid && w.kind === 'status' && w.params.CallStatus === 'completed',
    );
    expect(completed.length).toBeGreaterThan(0);
    const ringingAgain = { CallSid: caller.callSid, CallStatus: 'in-progress', SequenceNumber: '99' };
    for (const webhook of completed) {
      const replay = await sendWebhook(twilioSide, {
        path: webhook.url.slice(E2E_BASE_URL.length),
        params: webhook.params,
        signature: webhook.signature,
      });
      expect(replay.status()).toBeLessThan(300);
    }
    // Even a correctly signed, later "in-progress" cannot bring a finished call back.
    expect((await sendWebhook(twilioSide, { path: '/api/twilio/status', params: ringingAgain })).status()).toBeLessThan(
      300,
    );
    expect(await settledSnapshot(producer, live.showId)).toEqual(ended);
  });
});
