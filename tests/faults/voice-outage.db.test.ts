import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { findSession, findSessionByCallSid } from '@/lib/db/call-sessions';
import { getDbHandle } from '@/lib/db/client';
import type { DbHandle } from '@/lib/db/connect';
import { shows } from '@/lib/db/schema';
import { runCallCommand } from '@/lib/calls/commands';
import { reconcileOnce } from '@/lib/calls/reconciler';
import { HOLD_MUSIC_PATH, LOBBY_ROOM } from '@/lib/telephony/static-audio';
import { eventually } from '@/tests/support/eventually';
import { createCallFixture, type CallFixture } from '@/tests/support/call-fixtures';
import { startFaultHarness, type FaultHarness } from '@/tests/support/fault-harness';
import { truncateAll } from '@/tests/support/test-database';
import { TWILIO_ROUTES } from '@/tests/support/twilio-routes';

/**
 * Issue 11, findings 4 and 5: the app's routes failing for a moment (a restart behind the proxy, which still serves
 * public/) must not cost a caller anything. The voice URL is retried (#rc), then the static fallback keeps the
 * caller in the lobby with music; moves carry their TwiML, so they do not need the app at that instant.
 */

const SHOW_NUMBER = '+15005550006';
const APPLICATION_ERROR = 'We are sorry, an application error has occurred. Goodbye.';
let h: FaultHarness;
let fx: CallFixture;
let handle: DbHandle;

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  handle = await getDbHandle();
  await truncateAll(handle);
  fx = await createCallFixture(handle.db, { phoneNumber: SHOW_NUMBER });
  h = await startFaultHarness({ numbers: [SHOW_NUMBER], routes: TWILIO_ROUTES, faultSeed: 11 });
});

afterAll(async () => {
  await h.close();
});

const heardError = (callSid: string) =>
  h.call(callSid).timeline.some((s) => s.hearing.kind === 'say' && s.hearing.text === APPLICATION_ERROR);

describe('fault suite: the app cannot answer for a moment', () => {
  it('a call that rings while the voice webhook fails waits in the lobby with hold music, then comes through the door', async () => {
    h.failAppResponses(503, '/api/twilio/voice');
    const callSid = await h.ring('+14155550161', SHOW_NUMBER);
    const waiting = await eventually(
      () => {
        const view = h.call(callSid);
        return view.room === LOBBY_ROOM && view.hears?.kind === 'wait' && view.hears.audio?.endsWith(HOLD_MUSIC_PATH)
          ? view
          : null;
      },
      'the caller in the lobby hearing the shipped hold music',
      10_000,
    );
    expect(waiting.status).toBe('in-progress');
    // The voice URL carries #rc=2&rp=ct,5xx: three attempts, then the fallback.
    const attempts = h.emulator.state().webhooks.filter((w) => w.callSid === callSid && w.kind === 'voice');
    expect(attempts.map((w) => w.status)).toEqual([503, 503, 503]);
    expect(
      h.emulator.state().webhooks.some((w) => w.callSid === callSid && w.kind === 'fallback' && w.status === 200),
    ).toBe(true);
    expect(await findSessionByCallSid(callSid)).toBeUndefined();

    h.failAppResponses(0, '');
    const report = await reconcileOnce({ graceMs: 0 });
    expect(report.repairs.some((r) => r.action === 'moved' && r.detail.includes('lobby'))).toBe(true);
    const session = await eventually(
      async () => {
        const s = await findSessionByCallSid(callSid);
        return s && h.call(callSid).room === s.room && h.call(callSid).hears?.kind === 'wait' ? s : null;
      },
      'the caller queued in its own hold room',
      10_000,
    );
    expect(session).toMatchObject({ state: 'queued', room: `hold-${session.id}` });
    expect(heardError(callSid)).toBe(false);
    expect(h.call(callSid).silence.longestMs).toBeLessThan(3000);
  });

  it('a move carries the TwiML of the new room, so it works while the Dial action route is down', async () => {
    const screenerLeg = await h.connectBrowser(fx.screener);
    await eventually(
      () => h.call(screenerLeg).room === `screen-${fx.screener.id}`,
      'the screener in the screening room',
      10_000,
    );
    const callSid = await h.ring('+14155550162', SHOW_NUMBER);
    const queued = await eventually(
      async () => {
        const s = await findSessionByCallSid(callSid);
        return s && h.call(callSid).room === s.room ? s : null;
      },
      'the caller queued',
      10_000,
    );
    h.failAppResponses(503, '/api/twilio/dial-action');
    await runCallCommand(fx.screener, queued.id, 'pickup');
    await eventually(
      () => h.call(callSid).hears?.kind === 'conference' && h.call(callSid).room === `screen-${fx.screener.id}`,
      'the caller with the screener',
      10_000,
    );
    expect(
      h.emulator.state().webhooks.some((w) => w.callSid === callSid && w.url.includes('/api/twilio/dial-action')),
    ).toBe(false);
    h.failAppResponses(0, '');
    expect(await findSession(queued.id)).toMatchObject({ state: 'screening' });
    expect(heardError(callSid)).toBe(false);
  });

  it('a caller whose wait audio fails comes back through the Dial action and hears the shipped hold music in its room, not silence again and again', async () => {
    // The show's own hold audio is gone (its host took the file down); Twilio answers that with the Dial action.
    const broken = `${h.appUrl}/hold/taken-down.wav`;
    await handle.db.update(shows).set({ holdAudioUrl: broken }).where(eq(shows.id, fx.show.id));
    try {
      const callSid = await h.ring('+14155550163', SHOW_NUMBER);
      const session = await eventually(
        async () => {
          const s = await findSessionByCallSid(callSid);
          const view = h.call(callSid);
          return s && view.room === s.room && view.hears?.kind === 'wait' && view.hears.audio?.endsWith(HOLD_MUSIC_PATH)
            ? s
            : null;
        },
        'the caller in its hold room hearing the shipped hold music',
        10_000,
      );
      expect(session).toMatchObject({ state: 'queued', room: `hold-${session.id}` });
      const failures = h.emulator.state().notifications.filter((n) => n.callSid === callSid && n.url === broken);
      expect(failures, 'the broken file was tried once, not again at every rejoin').toHaveLength(1);
      expect(heardError(callSid)).toBe(false);
      expect(h.call(callSid).silence.longestMs).toBeLessThan(3000);
      await h.hangUp(callSid);
    } finally {
      await handle.db.update(shows).set({ holdAudioUrl: null }).where(eq(shows.id, fx.show.id));
    }
  });
});
