import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { getDbHandle } from '@/lib/db/client';
import { findSessionByCallSid } from '@/lib/db/call-sessions';
import type { CallSession } from '@/lib/db/schema';
import { provisionTwilio } from '@/lib/telephony/provision';
import { createCallFixture, type CallFixture } from './call-fixtures';
import { startAppHarness, type AppHarness } from './app-harness';
import { eventually } from './eventually';
import { truncateAll } from './test-database';

export const SHOW_NUMBER = '+15005550006';

export interface CallFlowSuite {
  readonly h: AppHarness;
  readonly fx: CallFixture;
  session(callSid: string): Promise<CallSession>;
  /** Waits until Twilio has confirmed the session where the database says it belongs. */
  settled(callSid: string, what: string): Promise<CallSession>;
  heardSids(callSid: string): string[] | null;
  /** Calls nobody hears and who hear nobody: the caller's leg in no room, or its conference gone. */
  inAnyRoom(callSid: string): boolean;
}

/**
 * Registers the hooks of an integration test file: one emulator and route server for the file, and before each
 * test an empty database, a fresh emulator, a show with open lines and its staff, and provisioning.
 */
export function setUpCallFlowSuite(
  options: {
    deckAudio?: 'show' | 'hold';
    maxQueue?: number;
    holdAudioUrl?: string;
    /** The emulator's speed for spoken TwiML; 1 when a test listens to the speech itself. */
    timeScale?: number;
  } = {},
): CallFlowSuite {
  const { timeScale, ...showOptions } = options;
  let h: AppHarness | undefined;
  let fx: CallFixture | undefined;
  const db = async () => (await getDbHandle()).db;
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    h = await startAppHarness({ numbers: [SHOW_NUMBER], timeScale });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    h?.emulator.reset();
    await truncateAll(await getDbHandle());
    fx = await createCallFixture(await db(), { phoneNumber: SHOW_NUMBER, ...showOptions });
    await provisionTwilio();
  });
  const suite: CallFlowSuite = {
    get h() {
      if (!h) throw new Error('harness not started');
      return h;
    },
    get fx() {
      if (!fx) throw new Error('fixture not created');
      return fx;
    },
    session: (callSid) => eventually(() => findSessionByCallSid(callSid), `a session for ${callSid}`),
    settled: (callSid, what) =>
      eventually(async () => {
        const s = await findSessionByCallSid(callSid);
        return s && s.pendingCommand === null && s.confirmedRoom === s.room && suite.h.call(callSid).room === s.room
          ? s
          : null;
      }, what),
    heardSids: (callSid) => {
      const hears = suite.h.call(callSid).hears;
      return hears?.kind === 'conference' ? hears.hears.map((p) => p.callSid).sort() : null;
    },
    inAnyRoom: (callSid) =>
      suite.h.emulator.state().participants.some((p: { callSid: string }) => p.callSid === callSid),
  };
  return suite;
}
