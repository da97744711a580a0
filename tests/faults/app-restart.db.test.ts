import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallSession } from '@/lib/db/schema';
import type { DbHandle } from '@/lib/db/connect';
import { findSession } from '@/lib/db/call-sessions';
import { useDatabaseForTests as pointAppAt } from '@/lib/db/client';
import { runCallCommand } from '@/lib/calls/commands';
import { reconcileOnce } from '@/lib/calls/reconciler';
import { eventually } from '@/tests/support/eventually';
import { settled as settledCall } from '@/tests/support/settled';
import { createCallFixture, type CallFixture } from '@/tests/support/call-fixtures';
import { startFaultHarness, type FaultHarness } from '@/tests/support/fault-harness';
import { expectGuarantees } from '@/tests/support/guarantees';
import { startHealer } from '@/tests/support/healer';
import { createReopenableDatabase, type ReopenableDatabase } from '@/tests/support/reopenable-database';
import { startRoomSampler } from '@/tests/support/room-sampler';
import { TWILIO_ROUTES } from '@/tests/support/twilio-routes';

const SHOW_NUMBER = '+15005550006';
const SETTLE_MS = 15_000;
let database: ReopenableDatabase;
let handle: DbHandle;
let h: FaultHarness;
let fx: CallFixture;

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
  database = await createReopenableDatabase();
  handle = await database.open();
  pointAppAt(handle);
  fx = await createCallFixture(handle.db, { phoneNumber: SHOW_NUMBER });
  h = await startFaultHarness({ numbers: [SHOW_NUMBER], routes: TWILIO_ROUTES, faultSeed: 61 });
});

afterAll(async () => {
  await h.close();
  await handle.close();
  await database.destroy();
});

/** A brand-new app process: fresh modules (no state carried over in memory), the database opened again. */
async function restartApp() {
  vi.resetModules();
  handle = await database.open();
  pointAppAt(handle);
  const fresh = {
    routes: (await import('@/tests/support/twilio-routes')).TWILIO_ROUTES,
    runCallCommand: (await import('@/lib/calls/commands')).runCallCommand,
    reconcileOnce: (await import('@/lib/calls/reconciler')).reconcileOnce,
  };
  (await import('@/lib/telephony/twilio-client')).setTwilioRetryOptionsForTests({ baseDelayMs: 20, maxDelayMs: 200 });
  await h.startApp(fresh.routes);
  return fresh;
}

const settled = (callSid: string, what: string) => settledCall(callSid, (sid) => h.call(sid).room, what, SETTLE_MS);

async function ringAndQueue(from: string): Promise<CallSession> {
  const callSid = await h.ring(from, SHOW_NUMBER);
  return settled(callSid, `${from} queued`);
}

describe('fault suite: the app process killed and restarted in the middle of a show', () => {
  it('keeps the show intact across the restart, and the reconciler ends the calls that hung up while the app was down', async () => {
    const sampler = startRoomSampler(h.emulator);
    const episodeId = fx.episode?.id ?? '';
    const hostLeg = await h.connectBrowser(fx.host, { room: 'live', episodeId });
    const screenerLeg = await h.connectBrowser(fx.screener);
    await eventually(
      () => h.call(hostLeg).room === `live-${episodeId}` && h.call(screenerLeg).room === `screen-${fx.screener.id}`,
      'staff in their rooms',
      SETTLE_MS,
    );
    const aired = await ringAndQueue('+14155550151');
    const deck = await ringAndQueue('+14155550152');
    const queued = await ringAndQueue('+14155550153');
    const screening = await ringAndQueue('+14155550154');
    for (const [session, steps] of [
      [aired, ['pickup', 'approve', 'air']],
      [deck, ['pickup', 'approve']],
      [screening, ['pickup']],
    ] as const) {
      for (const command of steps) {
        await runCallCommand(command === 'air' ? fx.host : fx.screener, session.id, command);
        await settled(session.callSid, `${command} confirmed`);
      }
    }

    await h.stopApp();
    await handle.close();
    await h.hangUp(deck.callSid);
    await h.hangUp(queued.callSid);
    await eventually(
      () =>
        h.emulator
          .state()
          .webhooks.filter(
            (w) => w.kind === 'status' && [deck.callSid, queued.callSid].includes(w.callSid ?? '') && w.error !== null,
          ).length >= 2,
      'the hang-up callbacks to fail against the dead app',
      SETTLE_MS,
    );

    const app = await restartApp();
    expect(await findSession(deck.id)).toMatchObject({ state: 'ready' });
    expect(await findSession(aired.id)).toMatchObject({ state: 'on_air', confirmedRoom: `live-${episodeId}` });
    expect(await findSession(screening.id)).toMatchObject({ state: 'screening', screenerId: fx.screener.id });
    const healer = startHealer(app.reconcileOnce, { graceMs: 500 });
    const endedByReconciler = () =>
      healer.reports
        .flatMap((r) => r.repairs)
        .filter((r) => r.action === 'ended')
        .map((r) => r.sessionId)
        .sort();
    await eventually(
      () => endedByReconciler().length >= 2,
      'the reconciler to end the calls that hung up meanwhile',
      SETTLE_MS,
    );
    expect(endedByReconciler()).toEqual([deck.id, queued.id].sort());
    expect(await findSession(deck.id)).toMatchObject({ endReason: 'reconciled_hangup' });

    // The show goes on with the new process: the host hears the on-air caller, the screened caller moves on.
    expect(h.call(aired.callSid).hears).toMatchObject({ kind: 'conference', hears: [{ callSid: hostLeg }] });
    await app.runCallCommand(fx.screener, screening.id, 'approve');
    await settled(screening.callSid, 'the screened caller on deck after the restart');
    await app.runCallCommand(fx.host, aired.id, 'drop');
    await h.hangUp(screening.callSid);
    await expectGuarantees({
      emulator: h.emulator,
      sampler,
      episodeId,
      callers: [
        { callSid: aired.callSid, ends: 'completed' },
        { callSid: deck.callSid, ends: 'abandoned' },
        { callSid: queued.callSid, ends: 'abandoned' },
        { callSid: screening.callSid, ends: 'abandoned' },
      ],
    });
    await healer.stop();
    // The healing came from the new process's modules, not from state the dead one left in memory.
    expect(app.reconcileOnce).not.toBe(reconcileOnce);
  });
});
