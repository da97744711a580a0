import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEmulator, type CallView, type Emulator } from '@/emulator';
import type { Actor } from '@/lib/auth/actor';
import { generateApiToken } from '@/lib/auth/api-token';
import { findSessionByCallSid, listOpenSessions } from '@/lib/db/call-sessions';
import { insertApiToken } from '@/lib/db/api-tokens';
import { useDatabaseForTests as pointAppAt } from '@/lib/db/client';
import type { DbHandle } from '@/lib/db/connect';
import type { CallSession } from '@/lib/db/schema';
import { provisionTwilio } from '@/lib/telephony/provision';
import { holdRoom, liveRoom, screenRoom } from '@/lib/telephony/rooms';
import { LOBBY_ROOM } from '@/lib/telephony/static-audio';
import { freePort, spawnInstance, type AppInstance } from '@/tests/multi-instance/spawn-instance';
import { createCallFixture, type CallFixture } from '@/tests/support/call-fixtures';
import { emulatorAudio, emulatorControl } from '@/tests/support/emulator-control-client';
import { eventually } from '@/tests/support/eventually';
import { startFrontProxy, type FrontProxy } from '@/tests/support/front-proxy';
import { MAX_SILENCE_MS } from '@/tests/support/guarantees';
import { createReopenableDatabase, type ReopenableDatabase } from '@/tests/support/reopenable-database';
import { startRoomSampler } from '@/tests/support/room-sampler';
import { settled as settledCall } from '@/tests/support/settled';
import { simulatedParties } from '@/tests/support/simulated-parties';

/**
 * Issue 11's fault test: `kill -9` of the app process (a real process serving the real route handlers and running
 * the app's own reconciler loop) while 50 callers ring and several are being moved, behind the reverse proxy the
 * README's Deploying section asks for (it serves public/hold/ and public/twiml/ itself). After the restart every
 * caller hears hold audio or its room within 5 s, nobody heard an application error, nobody heard more than 3 s of
 * silence (by the emulator's timeline and by the sound it sent each phone), and every session agrees with Twilio.
 */

const SHOW_NUMBER = '+15005550006';
const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.';
const CALLERS_BEFORE = 30;
const CALLERS_DURING = 20;
const RECOVERY_MS = 5000;
const SETTLE_MS = 30_000;
/** Tones the staff browsers speak, so a caller with a screener or on the show hears sound, not an empty room. */
const HOST_TONE = 440;
const SCREENER_TONE = 550;

let database: ReopenableDatabase;
let handle: DbHandle;
let emulator: Emulator;
let proxy: FrontProxy;
let app: AppInstance;
let appPort: number;
let appEnv: Record<string, string>;
let fx: CallFixture;
const tokens = new Map<string, string>();

const control = () => emulatorControl(emulator.url);
const parties = () => simulatedParties(control());

async function issueToken(actor: Actor) {
  const { token, tokenHash } = generateApiToken();
  await insertApiToken({ name: `${actor.role} console`, tokenHash, userId: actor.id });
  tokens.set(actor.id, token);
}

/** A console button, over HTTP through the proxy to whichever app process is up. */
async function command(actor: Actor, session: CallSession, name: string): Promise<number> {
  const response = await fetch(`${proxy.url}/api/calls/${session.id}/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.get(actor.id) ?? ''}`, 'content-type': 'application/json' },
    body: '{}',
  });
  await response.arrayBuffer();
  return response.status;
}

const view = (callSid: string): CallView => {
  const call = emulator.call(callSid);
  if (!call) throw new Error(`the emulator has no call ${callSid}`);
  return call;
};

const settled = (callSid: string, what: string) => settledCall(callSid, (sid) => view(sid).room, what, SETTLE_MS);

/** Every open session by CallSid, in one query (fifty callers polled one by one would load the machine). */
async function openSessions(): Promise<Map<string, CallSession>> {
  return new Map((await listOpenSessions({ episodeId: fx.episode?.id ?? '' })).map((s) => [s.callSid, s]));
}

/**
 * A call is settled when no command is in flight, Twilio confirmed its room, and the emulator has it there, muted
 * exactly when its state says so (on deck, or muted by the host on the air).
 */
const isSettled = (session: CallSession | undefined) =>
  Boolean(
    session &&
    session.pendingCommand === null &&
    session.confirmedRoom === session.room &&
    view(session.callSid).room === session.room &&
    view(session.callSid).participant?.muted === (session.state === 'ready' || session.muted),
  );

async function step(actor: Actor, session: CallSession, name: string): Promise<CallSession> {
  expect(await command(actor, session, name), `${name} answered`).toBe(200);
  return settled(session.callSid, `${name} of ${session.fromNumber} confirmed`);
}

const callerNumber = (i: number) => `+1415555${String(1000 + i).padStart(4, '0')}`;

/**
 * The sound the emulator sent each phone, read about every second over the last 5 s. A window reaches back further
 * than a silence of 3 s plus the time between readings, so such a silence is seen whole (or, if longer, for more
 * than 3 s) in some reading. Records the longest silent run seen per call.
 */
function watchSilence(callSids: () => string[]) {
  const audio = emulatorAudio(emulator.url);
  const longest = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(
        callSids()
          .filter((sid) => emulator.call(sid)?.status === 'in-progress')
          .map(async (sid) => {
            const reading = await audio.read(sid, { windowMs: 5000 }).catch(() => null);
            if (!reading || reading.received.frames === 0) return;
            longest.set(sid, Math.max(longest.get(sid) ?? 0, reading.received.longestSilenceMs));
          }),
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return {
    longest,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** The room a session's state puts its caller in. */
function roomOfState(session: CallSession, episodeId: string): string | null {
  if (session.state === 'queued') return holdRoom(session.id);
  if (session.state === 'screening') return screenRoom(session.screenerId ?? '');
  if (session.state === 'ready' || session.state === 'on_air') return liveRoom(episodeId);
  return null;
}

describe.runIf(process.env.TEST_DB_KIND === 'postgres')(
  'fault suite: kill -9 of the app process (Postgres: the database outlives the process)',
  () => {
    beforeAll(async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      database = await createReopenableDatabase();
      handle = await database.open();
      pointAppAt(handle);
      fx = await createCallFixture(handle.db, { phoneNumber: SHOW_NUMBER, maxQueue: CALLERS_BEFORE + CALLERS_DURING });
      for (const actor of [fx.host, fx.screener, fx.screener2]) await issueToken(actor);
      emulator = await startEmulator({ port: 0, numbers: [SHOW_NUMBER], faultSeed: 11 });
      appPort = await freePort();
      proxy = await startFrontProxy(`http://127.0.0.1:${appPort}`);
      delete process.env.TWILIO_ACCOUNT_SID;
      delete process.env.TWILIO_API_BASE_URL;
      process.env.EMULATOR_URL = emulator.url;
      process.env.PUBLIC_BASE_URL = proxy.url;
      await provisionTwilio();
      appEnv = {
        DATABASE_URL: database.url ?? '',
        EMULATOR_URL: emulator.url,
        PUBLIC_BASE_URL: proxy.url,
        // The app's own reconciler loop at its production interval and grace.
        RECONCILER: 'app',
      };
      app = await spawnInstance('app', appPort, appEnv);
    }, 120_000);

    afterAll(async () => {
      await app?.stop();
      await proxy?.close();
      await emulator?.close();
      await handle?.close();
      await database?.destroy();
    });

    it(
      'after kill -9 mid-move with 50 callers ringing, every caller hears hold music or its room within 5 s of the restart, never an application error or 3 s of silence',
      { timeout: 180_000 },
      async () => {
        const { host, screener, screener2 } = fx;
        const episodeId = fx.episode?.id ?? '';
        const rooms = startRoomSampler(emulator, 25);
        const audio = emulatorAudio(emulator.url);
        const hostLeg = await parties().connectBrowser(host, { room: 'live', episodeId });
        const screenerLegs = [await parties().connectBrowser(screener), await parties().connectBrowser(screener2)];
        await eventually(
          () =>
            view(hostLeg).room === liveRoom(episodeId) &&
            view(screenerLegs[0] ?? '').room === screenRoom(screener.id) &&
            view(screenerLegs[1] ?? '').room === screenRoom(screener2.id),
          'the host and both screeners in their rooms',
          SETTLE_MS,
        );
        await audio.tone(hostLeg, HOST_TONE);
        for (const leg of screenerLegs) await audio.tone(leg, SCREENER_TONE);

        const callers: string[] = [];
        const silence = watchSilence(() => callers);
        for (let i = 0; i < CALLERS_BEFORE; i += 1) callers.push(await parties().ring(callerNumber(i), SHOW_NUMBER));
        const queued = await eventually(
          async () => {
            const open = await openSessions();
            const found = callers.map((sid) => open.get(sid));
            return found.every(isSettled) ? (found as CallSession[]) : null;
          },
          'the first wave queued in their hold rooms',
          SETTLE_MS,
          100,
        );
        const [a, b, c, d] = queued as [CallSession, CallSession, CallSession, CallSession];
        // Before the fault: a and c on deck (the live room, muted), b with the first screener, the second one free.
        await step(screener, a, 'pickup');
        await step(screener, a, 'approve');
        await step(screener2, c, 'pickup');
        await step(screener2, c, 'approve');
        await step(screener, b, 'pickup');

        // The second wave rings across the fault: before the kill, while the app is down, and as it comes back.
        const ringing = (async () => {
          for (let i = CALLERS_BEFORE; i < CALLERS_BEFORE + CALLERS_DURING; i += 1) {
            callers.push(await parties().ring(callerNumber(i), SHOW_NUMBER));
            await new Promise((resolve) => setTimeout(resolve, 120));
          }
        })();
        await eventually(() => callers.length >= CALLERS_BEFORE + 3, 'the second wave ringing', SETTLE_MS);

        // Four moves at once; the app process dies the moment the first of them reaches the phone network.
        const moving = [a, b, c, d];
        const roomsBefore = moving.map((s) => view(s.callSid).room);
        const moves = Promise.allSettled([
          command(host, a, 'air'),
          command(screener, b, 'approve'),
          command(host, c, 'air'),
          command(screener2, d, 'pickup'),
        ]);
        await eventually(
          () => moving.some((s, i) => view(s.callSid).room !== roomsBefore[i]),
          'the first move to reach the phone network',
          SETTLE_MS,
          1,
        );
        const killedAt = Date.now();
        await app.kill();
        const landedBeforeKill = moving.filter((s, i) => view(s.callSid).room !== roomsBefore[i]).length;
        const moveAnswers = await moves;

        // A supervisor starts the app again on the same port; Twilio keeps ringing meanwhile.
        app = await spawnInstance('app', appPort, appEnv);
        const healthyAt = await eventually(
          async () => {
            const response = await fetch(`${proxy.url}/api/health`).catch(() => null);
            return response?.ok ? Date.now() : null;
          },
          'the restarted app to answer its health check',
          SETTLE_MS,
          25,
        );
        await ringing;

        const sessions = new Map<string, CallSession | undefined>();
        const hearsHoldOrOwnRoom = (callSid: string) => {
          const call = view(callSid);
          const hears = call.hears;
          if (call.status !== 'in-progress' || !hears) return false;
          if ((hears.kind === 'wait' || hears.kind === 'hold') && hears.audio) return true;
          if (hears.kind === 'say') return hears.text !== APPLICATION_ERROR;
          const session = sessions.get(callSid);
          return hears.kind === 'conference' && session?.room === call.room;
        };
        const notYet = () =>
          callers
            .filter((sid) => !hearsHoldOrOwnRoom(sid))
            .map((sid) => ({ sid, status: view(sid).status, room: view(sid).room, hears: view(sid).hears }));
        let lateAfterRecoveryTime: ReturnType<typeof notYet> = [];
        const recoveredAt = await eventually(
          async () => {
            const open = await openSessions();
            for (const sid of callers) sessions.set(sid, open.get(sid));
            if (Date.now() > healthyAt + RECOVERY_MS && lateAfterRecoveryTime.length === 0)
              lateAfterRecoveryTime = notYet().map((late) => ({ ...late, session: sessions.get(late.sid) }));
            return callers.every(hearsHoldOrOwnRoom) ? Date.now() : null;
          },
          'every caller hearing hold music or its own room',
          SETTLE_MS,
          50,
        ).catch((error: unknown) => {
          throw new Error(`${String(error)}; not yet: ${JSON.stringify(notYet())}`);
        });

        // Then the reconciler brings every session and every call into agreement: no caller left in the lobby.
        const disagreeing = async () => {
          const open = await openSessions();
          return callers
            .filter((sid) => !isSettled(open.get(sid)))
            .map((sid) => {
              const session = open.get(sid);
              return {
                sid,
                room: view(sid).room,
                muted: view(sid).participant?.muted,
                sessionMuted: session?.muted,
                state: session?.state,
                sessionRoom: session?.room,
                pending: session?.pendingCommand,
              };
            });
        };
        const agreedAt = await eventually(
          async () => ((await disagreeing()).length === 0 ? Date.now() : null),
          'every session to agree with where its call is',
          SETTLE_MS,
          100,
        ).catch(async (error: unknown) => {
          throw new Error(`${String(error)}; disagreeing: ${JSON.stringify(await disagreeing())}`);
        });
        // A caller who rang during the fault may not have been read yet when everything agrees this quickly.
        await eventually(
          async () => (callers.every((sid) => silence.longest.has(sid)) ? true : null),
          'the sound sent to every caller read at least once',
          SETTLE_MS,
          100,
        );
        await rooms.stop();
        await silence.stop();

        const lobbyCallers = callers.filter((sid) =>
          view(sid).timeline.some((s) => 'friendlyName' in s.hearing && s.hearing.friendlyName === LOBBY_ROOM),
        );
        const figures = {
          landedBeforeKill,
          moveAnswers: moveAnswers.map((m) => (m.status === 'fulfilled' ? m.value : 'cut off')),
          downMs: healthyAt - killedAt,
          recoveredMsAfterHealthy: recoveredAt - healthyAt,
          agreedMsAfterHealthy: agreedAt - healthyAt,
          lobbyCallers: lobbyCallers.length,
          badGateways: proxy.badGateways.length,
          longestTimelineSilenceMs: Math.max(...callers.map((sid) => view(sid).silence.longestMs)),
          longestSoundSilenceMs: Math.max(0, ...silence.longest.values()),
        };
        console.log(`kill -9 fault test: ${JSON.stringify(figures)}`);

        // The fault really hit: calls rang into a dead app, and the proxy answered for it.
        expect(lobbyCallers.length, 'calls that rang while the app was down').toBeGreaterThan(0);
        expect(proxy.badGateways.length).toBeGreaterThan(0);

        expect(
          figures.recoveredMsAfterHealthy,
          `callers not yet hearing hold music or their room ${RECOVERY_MS} ms after the restart: ${JSON.stringify(lateAfterRecoveryTime)}`,
        ).toBeLessThanOrEqual(RECOVERY_MS);
        for (const sid of [...callers, hostLeg, ...screenerLegs]) {
          const call = view(sid);
          expect(call.status, `${sid} is still on the line`).toBe('in-progress');
          expect(
            call.timeline.some((s) => s.hearing.kind === 'say' && s.hearing.text === APPLICATION_ERROR),
            `${sid} heard an application error`,
          ).toBe(false);
        }
        for (const sid of callers) {
          expect(view(sid).silence.longestMs, `${sid}: silence by the timeline`).toBeLessThanOrEqual(MAX_SILENCE_MS);
          expect(silence.longest.get(sid), `${sid}: the sound it was sent was read`).toBeDefined();
          expect(silence.longest.get(sid) ?? 0, `${sid}: silence in the sound it was sent`).toBeLessThan(
            MAX_SILENCE_MS,
          );
        }
        expect(rooms.violations, 'callers in two rooms at once').toEqual([]);

        // Each session's state is where its caller actually is, the four callers being moved included.
        for (const sid of callers) {
          const session = await findSessionByCallSid(sid);
          if (!session) throw new Error(`no session for ${sid}`);
          expect(view(sid).room, `${session.fromNumber} (${session.state})`).toBe(roomOfState(session, episodeId));
        }
      },
    );
  },
);
