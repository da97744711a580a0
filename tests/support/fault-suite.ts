import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { runCallCommand } from '@/lib/calls/commands';
import { reconcileOnce } from '@/lib/calls/reconciler';
import { findSession, findSessionByCallSid } from '@/lib/db/call-sessions';
import { getDbHandle } from '@/lib/db/client';
import type { CallSession } from '@/lib/db/schema';
import type { CallCommand } from '@/lib/telephony/call-session-machine';
import { provisionTwilio } from '@/lib/telephony/provision';
import { eventually } from './eventually';
import { createCallFixture, type CallFixture } from './call-fixtures';
import { startFaultHarness, type FaultHarness } from './fault-harness';
import { expectGuarantees, type CallerExpectation } from './guarantees';
import { startHealer, type Healer } from './healer';
import { startRoomSampler, type RoomSampler } from './room-sampler';
import { truncateAll } from './test-database';
import { TWILIO_ROUTES } from './twilio-routes';

export const FAULT_SHOW_NUMBER = '+15005550006';
/** Generous deadlines: the machine running the suite may be busy; polls end as soon as the condition holds. */
export const SETTLE_MS = 15_000;

export interface Caller {
  callSid: string;
  id: string;
}

export interface FaultSuite {
  readonly h: FaultHarness;
  readonly fx: CallFixture;
  readonly sampler: RoomSampler;
  readonly liveRoom: string;
  /** Starts the reconciler at test speed for the rest of the test. */
  heal(options?: { intervalMs?: number; graceMs?: number }): Healer;
  staffIn(): Promise<{ hostLeg: string; screenerLeg: string }>;
  /** Rings a caller in and waits until it is queued in its hold room. */
  ring(from: string): Promise<Caller>;
  command(actor: Actor, caller: Caller, command: CallCommand): Promise<CallSession>;
  /** Waits until Twilio confirmed the caller where the database says it belongs. */
  settled(caller: Caller, what: string): Promise<CallSession>;
  /** Takes a caller through commands, waiting for each move to be confirmed. */
  walk(caller: Caller, steps: [Actor, CallCommand][]): Promise<void>;
  expectGuarantees(callers: CallerExpectation[]): Promise<void>;
}

/**
 * The hooks of a fault scenario file: one emulator and app server for the file; before each test an empty
 * database, a fresh emulator with no faults, a show with open lines and its staff, provisioning, and a sampler
 * watching who is in which room. After each test the reconciler and any slowness are switched off.
 */
export function setUpFaultSuite(options: { webhookTimeoutMs?: number; faultSeed?: number } = {}): FaultSuite {
  let h: FaultHarness | undefined;
  let fx: CallFixture | undefined;
  let sampler: RoomSampler | undefined;
  let healers: Healer[] = [];
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    h = await startFaultHarness({ numbers: [FAULT_SHOW_NUMBER], routes: TWILIO_ROUTES, ...options });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    h?.emulator.reset();
    await truncateAll(await getDbHandle());
    fx = await createCallFixture((await getDbHandle()).db, { phoneNumber: FAULT_SHOW_NUMBER });
    await provisionTwilio();
    if (h) sampler = startRoomSampler(h.emulator);
  });
  afterEach(async () => {
    await Promise.all(healers.map((healer) => healer.stop()));
    healers = [];
    await sampler?.stop();
    h?.delayAppResponses(0);
    await h?.clearFaults();
  });
  const suite: FaultSuite = {
    get h() {
      if (!h) throw new Error('harness not started');
      return h;
    },
    get fx() {
      if (!fx) throw new Error('fixture not created');
      return fx;
    },
    get sampler() {
      if (!sampler) throw new Error('sampler not started');
      return sampler;
    },
    get liveRoom() {
      return `live-${suite.fx.episode?.id ?? ''}`;
    },
    heal: (healOptions) => {
      const healer = startHealer(reconcileOnce, healOptions);
      healers.push(healer);
      return healer;
    },
    staffIn: async () => {
      const hostLeg = await suite.h.connectBrowser(suite.fx.host, {
        room: 'live',
        episodeId: suite.fx.episode?.id ?? '',
      });
      const screenerLeg = await suite.h.connectBrowser(suite.fx.screener);
      await eventually(
        () =>
          suite.h.call(hostLeg).room === suite.liveRoom &&
          suite.h.call(screenerLeg).room === `screen-${suite.fx.screener.id}`,
        'staff browsers in their rooms',
        SETTLE_MS,
      );
      return { hostLeg, screenerLeg };
    },
    ring: async (from) => {
      const callSid = await suite.h.ring(from, FAULT_SHOW_NUMBER);
      const session = await eventually(() => findSessionByCallSid(callSid), `a session for ${callSid}`, SETTLE_MS);
      const caller = { callSid, id: session.id };
      await suite.settled(caller, `${from} queued in its hold room`);
      return caller;
    },
    command: (actor, caller, command) => runCallCommand(actor, caller.id, command),
    settled: (caller, what) =>
      eventually(
        async () => {
          const s = await findSession(caller.id);
          return s &&
            s.pendingCommand === null &&
            s.confirmedRoom === s.room &&
            suite.h.call(caller.callSid).room === s.room
            ? s
            : null;
        },
        what,
        SETTLE_MS,
      ),
    walk: async (caller, steps) => {
      for (const [actor, command] of steps) {
        await suite.command(actor, caller, command);
        await suite.settled(caller, `the caller after ${command}`);
      }
    },
    expectGuarantees: (callers) =>
      expectGuarantees({
        emulator: suite.h.emulator,
        sampler: suite.sampler,
        callers,
        episodeId: suite.fx.episode?.id ?? '',
      }),
  };
  return suite;
}
