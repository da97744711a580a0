import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { startEmulator, type Emulator } from '@/emulator';
import type { Actor } from '@/lib/auth/actor';
import { generateApiToken } from '@/lib/auth/api-token';
import { issueVoiceToken } from '@/lib/calls/voice-token';
import { insertApiToken } from '@/lib/db/api-tokens';
import { findSession } from '@/lib/db/call-sessions';
import { useDatabaseForTests as pointAppAt } from '@/lib/db/client';
import type { DbHandle } from '@/lib/db/connect';
import { callEvents, callSessions, shows, type CallSession } from '@/lib/db/schema';
import { isTerminal } from '@/lib/telephony/call-session-machine';
import { provisionTwilio } from '@/lib/telephony/provision';
import { eventually } from '@/tests/support/eventually';
import { settled as settledCall } from '@/tests/support/settled';
import { createCallFixture, type CallFixture } from '@/tests/support/call-fixtures';
import { createReopenableDatabase, type ReopenableDatabase } from '@/tests/support/reopenable-database';
import { startRoomSampler, type RoomSampler } from '@/tests/support/room-sampler';
import { pollBoard, type ConsolePoller } from './console-poller';
import { freePort, spawnInstance, type AppInstance, type LockLine } from './spawn-instance';

const SHOW_NUMBER = '+15005550006';
/** What Twilio is configured to call: a load balancer's address. The emulator spreads it over the instances. */
const BALANCER_URL = 'http://switchboard-balancer.test';
const SETTLE_MS = 20_000;
/** lib/calls/reconciler.ts's advisory lock key. */
const RECONCILER_LOCK = 7_203_118;

let database: ReopenableDatabase;
let handle: DbHandle;
let emulator: Emulator;
let fx: CallFixture;
let instances: AppInstance[] = [];
const tokens = new Map<string, string>();

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function issueToken(actor: Actor) {
  const { token, tokenHash } = generateApiToken();
  await insertApiToken({ name: `${actor.role} console`, tokenHash, userId: actor.id });
  tokens.set(actor.id, token);
}

/** A console button: the command goes over HTTP to whichever instance the console is talking to. */
async function command(instance: AppInstance, actor: Actor, session: CallSession, name: string) {
  const response = await fetch(`${instance.url}/api/calls/${session.id}/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.get(actor.id) ?? ''}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(response.status, `${name} on ${instance.name}: ${await response.clone().text()}`).toBe(200);
}

const settled = (callSid: string, what: string) =>
  settledCall(callSid, (sid) => emulator.call(sid)?.room, what, SETTLE_MS);

async function ring(from: string): Promise<CallSession> {
  const { sid } = await control<{ sid: string }>('POST', '/_emulator/calls', { from, to: SHOW_NUMBER });
  return settled(sid, `${from} queued`);
}

const hangUp = (callSid: string) => control('POST', `/_emulator/calls/${callSid}/hangup`);

async function connectBrowser(actor: Actor, params: Record<string, string> = {}) {
  const { token, identity } = await issueVoiceToken(actor);
  return (await control<{ sid: string }>('POST', `/_emulator/clients/${identity}/connect`, { token, params })).sid;
}

/** The longest time two instances both held the reconciler lock, by the moments each certainly held it. */
function worstOverlap(locks: LockLine[]): number {
  let worst = Number.NEGATIVE_INFINITY;
  for (const a of locks)
    for (const b of locks)
      if (a.instance < b.instance)
        worst = Math.max(worst, Math.min(a.heldUntil, b.heldUntil) - Math.max(a.heldFrom, b.heldFrom));
  return worst;
}

describe.runIf(process.env.TEST_DB_KIND === 'postgres')(
  'several instances (Postgres only: PGlite is one process by design)',
  () => {
    beforeAll(async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      database = await createReopenableDatabase();
      handle = await database.open();
      pointAppAt(handle);
      fx = await createCallFixture(handle.db, { phoneNumber: SHOW_NUMBER });
      const ports = [await freePort(), await freePort()];
      emulator = await startEmulator({
        port: 0,
        numbers: [SHOW_NUMBER],
        webhookTimeoutMs: 10_000,
        faultSeed: 71,
        webhookTargets: ports.map((p) => `http://127.0.0.1:${p}`),
      });
      delete process.env.TWILIO_ACCOUNT_SID;
      delete process.env.TWILIO_API_BASE_URL;
      process.env.EMULATOR_URL = emulator.url;
      process.env.PUBLIC_BASE_URL = BALANCER_URL;
      await provisionTwilio();
      for (const actor of [fx.host, fx.screener, fx.screener2]) await issueToken(actor);
      const env = {
        DATABASE_URL: database.url ?? '',
        EMULATOR_URL: emulator.url,
        PUBLIC_BASE_URL: BALANCER_URL,
        RECONCILE_INTERVAL_MS: '150',
      };
      instances = await Promise.all(ports.map((port, i) => spawnInstance(`instance-${'ab'[i]}`, port, env)));
    }, 120_000);

    afterAll(async () => {
      await Promise.all(instances.map((i) => i.stop()));
      await emulator?.close();
      await handle?.close();
      await database?.destroy();
    });

    it(
      'two instances behind a round-robin balancer run a full show: no caller lost, no transition recorded twice, one reconciler at a time',
      { timeout: 180_000 },
      async () => {
        const [a, b] = instances as [AppInstance, AppInstance];
        const { host, screener, screener2 } = fx;
        const episodeId = fx.episode?.id ?? '';
        const sampler: RoomSampler = startRoomSampler(emulator, 25);
        const consoles: ConsolePoller[] = [
          pollBoard(`${a.url}/api/shows/${fx.show.id}/console`, tokens.get(host.id) ?? ''),
          pollBoard(`${b.url}/api/shows/${fx.show.id}/console`, tokens.get(screener.id) ?? ''),
        ];
        // A visible console: its poll is held by instance B until a change is notified, wherever it was made.
        const heldConsole = pollBoard(`${b.url}/api/shows/${fx.show.id}/console`, tokens.get(screener2.id) ?? '', {
          holdSeconds: 25,
        });
        const hostLeg = await connectBrowser(host, { room: 'live', episodeId });
        await connectBrowser(screener);
        await connectBrowser(screener2);
        await eventually(
          () => emulator.call(hostLeg)?.room === `live-${episodeId}`,
          'the host in the live room',
          SETTLE_MS,
        );

        const callers = await Promise.all(
          ['+14155550161', '+14155550162', '+14155550163', '+14155550164', '+14155550165', '+14155550166'].map(ring),
        );
        const [aired, onDeck, rejected, gaveUp, requeued, lostCallbacks] = callers as [
          CallSession,
          CallSession,
          CallSession,
          CallSession,
          CallSession,
          CallSession,
        ];
        const walk = async (session: CallSession, steps: [AppInstance, Actor, string][]) => {
          for (const [instance, actor, name] of steps) {
            await command(instance, actor, session, name);
            if (!['drop', 'reject'].includes(name)) await settled(session.callSid, `${name} confirmed`);
          }
        };
        await Promise.all([
          walk(aired, [
            [a, screener, 'pickup'],
            [b, screener, 'approve'],
            [a, host, 'air'],
          ]),
          walk(onDeck, [
            [b, screener2, 'pickup'],
            [a, screener2, 'approve'],
          ]),
        ]);
        await Promise.all([
          walk(rejected, [
            [b, screener, 'pickup'],
            [a, screener, 'reject'],
          ]),
          walk(requeued, [
            [a, screener2, 'pickup'],
            [b, screener2, 'requeue'],
          ]),
          walk(aired, [
            [b, host, 'to-deck'],
            [a, host, 'air'],
          ]),
        ]);
        await hangUp(gaveUp.callSid);
        await walk(requeued, [
          [b, screener, 'pickup'],
          [a, screener, 'approve'],
          [b, host, 'air'],
        ]);
        await walk(aired, [[b, host, 'drop']]);

        // One hang-up whose every callback is lost: exactly one of the two reconcilers repairs it, once.
        await control('POST', '/_emulator/faults', {
          seed: 71,
          callbacks: { kinds: ['status', 'conference', 'voice'], dropProbability: 1 },
        });
        await hangUp(lostCallbacks.callSid);
        await eventually(
          async () => (await findSession(lostCallbacks.id))?.state === 'abandoned',
          'a reconciler to end the call whose callbacks were lost',
          SETTLE_MS,
        );
        await control('DELETE', '/_emulator/faults');

        await walk(requeued, [[a, host, 'drop']]);
        await hangUp(onDeck.callSid);
        for (const session of callers) {
          await eventually(
            async () => {
              const s = await findSession(session.id);
              return s && isTerminal(s.state) && s.pendingCommand === null && s.confirmedRoom === null;
            },
            `${session.fromNumber} to end with nothing pending`,
            SETTLE_MS,
          );
        }
        // Once the show is quiet, both consoles' polls cost nothing: the board answers 304 on either instance.
        await eventually(
          () => consoles.every((c) => c.statuses.filter((s) => s === 304).length >= 2),
          'both consoles answered 304 once nothing changes',
          SETTLE_MS,
        );
        await eventually(
          () => heldConsole.lastView?.board?.ended.length === callers.length,
          'the held console to show every caller ended',
          SETTLE_MS,
        );
        // Nothing changes now, so its poll is held; a change committed outside instance B wakes it at once.
        await handle.db.update(shows).set({ name: 'Renamed elsewhere' }).where(eq(shows.id, fx.show.id));
        await eventually(
          () => heldConsole.lastView?.show.name === 'Renamed elsewhere',
          'the console held on instance B to show a change committed elsewhere, well before its 25 s wait runs out',
          5000,
        );
        await Promise.all([...consoles, heldConsole].map((c) => c.stop()));
        await sampler.stop();

        const ended = await handle.db.select().from(callSessions).where(eq(callSessions.episodeId, episodeId));
        expect(ended.map((s) => [s.fromNumber, s.state]).sort()).toEqual(
          [
            [aired.fromNumber, 'completed'],
            [onDeck.fromNumber, 'abandoned'],
            [rejected.fromNumber, 'rejected'],
            [gaveUp.fromNumber, 'abandoned'],
            [requeued.fromNumber, 'completed'],
            [lostCallbacks.fromNumber, 'abandoned'],
          ].sort(),
        );
        for (const session of ended) {
          const moves = (
            await handle.db
              .select()
              .from(callEvents)
              .where(eq(callEvents.sessionId, session.id))
              .orderBy(asc(callEvents.id))
          ).filter((e) => e.fromState !== e.toState);
          for (const [i, move] of moves.entries())
            if (i > 0) expect(move.fromState, `${session.fromNumber}: ${move.name}`).toBe(moves[i - 1]?.toState);
          const versions = moves.map((m) => (m.detail as { version?: number }).version).filter((v) => v !== undefined);
          expect(new Set(versions).size, `${session.fromNumber}: a transition recorded twice`).toBe(versions.length);
          expect(emulator.call(session.callSid)?.status).toBe('completed');
        }
        expect(sampler.violations).toEqual([]);

        // Twilio's requests really were spread over both instances, and both consoles were answered.
        const targets = emulator.state().webhooks.map((w) => new URL(w.target).port);
        for (const instance of instances)
          expect(targets.filter((p) => p === new URL(instance.url).port).length).toBeGreaterThan(20);
        for (const poller of consoles) {
          expect(poller.statuses.filter((s) => s !== 200 && s !== 304)).toEqual([]);
        }

        // Leadership: both instances reconciled during the show, never at the same time, and the lost hang-up was repaired once.
        const passes = instances.flatMap((i) => i.passes);
        expect(passes.filter((p) => p.kind === 'pass-error')).toEqual([]);
        for (const instance of instances) expect(instance.passes.some((p) => p.ran)).toBe(true);
        expect(passes.some((p) => p.ran === false)).toBe(true);
        const locks = instances.flatMap((i) => i.locks).filter((l) => l.key === RECONCILER_LOCK);
        expect(locks.length).toBeGreaterThanOrEqual(passes.filter((p) => p.ran).length);
        expect(worstOverlap(locks)).toBeLessThanOrEqual(0);
        const endedRepairs = passes.flatMap((p) => p.repairs ?? []).filter((r) => r.action === 'ended');
        expect(endedRepairs.map((r) => r.sessionId)).toEqual([lostCallbacks.id]);
      },
    );
  },
);
