import { afterEach, describe, expect, it } from 'vitest';
import { runCallCommand } from '@/lib/calls/commands';
import { reorderDeck } from '@/lib/calls/deck-order';
import { findSession } from '@/lib/db/call-sessions';
import { MESSAGES } from '@/lib/telephony/twiml';
import { emulatorAudio } from '@/tests/support/emulator-control-client';
import { eventually } from '@/tests/support/eventually';
import { SHOW_NUMBER, setUpCallFlowSuite } from '@/tests/support/call-flow-suite';

// Spoken prompts at real length (the cue is listened to), and silent hold audio (an empty waitUrl), so the only
// sound anyone in these rooms receives is a cue: whoever hears anything heard the cue.
const t = setUpCallFlowSuite({ timeScale: 1, holdAudioUrl: '' });
const audio = () => emulatorAudio(t.h.emulator.url);
const live = () => `live-${t.fx.episode?.id}`;

/** Audible speech (espeak-ng, or its warble stand-in) vs the digital silence of an empty room. */
const SPEECH_RMS = 0.02;
const SILENCE_RMS = 0.002;
const WINDOW_MS = 600;

afterEach(() => {
  expect(t.h.served.filter((s) => s.status >= 400)).toEqual([]);
  t.h.served.length = 0;
});

function announcementOf(callSid: string): string | null {
  const hears = t.h.call(callSid).hears as { announcement?: string | null } | null;
  return hears?.announcement ?? null;
}

async function staffIn() {
  const hostLeg = await t.h.connectBrowser(t.fx.host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
  const screenerLeg = await t.h.connectBrowser(t.fx.screener);
  await eventually(
    () => t.h.call(hostLeg).room === live() && t.h.call(screenerLeg).room === `screen-${t.fx.screener.id}`,
    'staff browsers in their rooms',
  );
  return { hostLeg, screenerLeg };
}

const spoken = (cue: string) => (cue === 'next' ? MESSAGES.youreNext : `You are caller ${cue.split(':')[1]}.`);

/** Waits until the caller hears this cue ("position:2", "next"), and then to its end. */
async function cueHeard(sessionId: string, callSid: string, cue: string) {
  await eventually(() => announcementOf(callSid)?.startsWith(spoken(cue)), `${callSid} hearing ${cue}`, 15_000);
  expect((await findSession(sessionId))?.cue).toBe(cue);
  await eventually(() => announcementOf(callSid) === null, `the end of ${callSid}'s cue`, 15_000);
}

/** Rings a caller in (their first place is cued once they are in their hold room) and takes them on. */
async function callerIn(state: 'queued' | 'ready' | 'on_air', from: string) {
  const callSid = await t.h.ring(from, SHOW_NUMBER);
  const { id } = await t.session(callSid);
  await t.settled(callSid, 'the caller in its hold room');
  if (state === 'queued') return { callSid, id };
  await runCallCommand(t.fx.screener, id, 'pickup');
  await t.settled(callSid, 'the caller screened');
  await runCallCommand(t.fx.screener, id, 'approve', { card: { name: from.slice(-4) } });
  await t.settled(callSid, 'the caller on deck');
  if (state === 'on_air') {
    await runCallCommand(t.fx.host, id, 'air');
    await t.settled(callSid, 'the caller on air');
  }
  return { callSid, id };
}

/** While `callSid`'s cue plays: it receives speech, and every one of `others` receives only silence. */
async function onlyTheyHearIt(callSid: string, others: string[]) {
  const heard = await eventually(
    async () => {
      const reading = await audio().read(callSid, { windowMs: WINDOW_MS });
      return reading.received.rms > SPEECH_RMS ? reading : null;
    },
    `${callSid} hearing its cue`,
    15_000,
  );
  expect(heard.received.frames).toBeGreaterThan(0);
  const elsewhere = await Promise.all(others.map((sid) => audio().read(sid, { windowMs: WINDOW_MS })));
  // Read while the cue was still playing, so the silence elsewhere is not just the cue having ended.
  expect(announcementOf(callSid)).not.toBeNull();
  for (const [i, reading] of elsewhere.entries()) {
    expect(reading.received.frames, `${others[i]} receives audio frames`).toBeGreaterThan(0);
    expect(reading.received.rms, `${others[i]} hears nothing of the cue`).toBeLessThan(SILENCE_RMS);
  }
}

describe('cues while waiting (real sound)', { timeout: 90_000 }, () => {
  it('tells a waiting caller their new place and wait when it changes, and only them', async () => {
    const { hostLeg, screenerLeg } = await staffIn();
    // Someone on air, so the show (host and guest) is a running conference, not a host alone with wait music.
    const onAir = await callerIn('on_air', '+14155550400');
    const first = await callerIn('queued', '+14155550401');
    const second = await callerIn('queued', '+14155550402');
    await cueHeard(first.id, first.callSid, 'position:1');
    await cueHeard(second.id, second.callSid, 'position:2');

    await runCallCommand(t.fx.screener, first.id, 'pickup');
    await eventually(() => announcementOf(second.callSid)?.startsWith(spoken('position:1')), 'the new place spoken');
    // The first pick-up set this episode's pace, so the cue carries a wait.
    expect(announcementOf(second.callSid)).toMatch(/Your estimated wait is (less than a minute|about)/);
    await onlyTheyHearIt(second.callSid, [first.callSid, screenerLeg, hostLeg, onAir.callSid]);
    expect(t.h.served.some((s) => s.path === '/api/twilio/cue' && s.status === 200)).toBe(true);

    // A place heard once is not repeated: the pass after the next arrival leaves caller 1 alone.
    await eventually(() => announcementOf(second.callSid) === null, 'the end of the cue', 15_000);
    const third = await callerIn('queued', '+14155550403');
    await cueHeard(third.id, third.callSid, 'position:2');
    expect(announcementOf(second.callSid)).toBeNull();
  });

  it('whispers "you\'re next" to the first caller on deck only, and to the new first when the host reorders', async () => {
    const { hostLeg, screenerLeg } = await staffIn();
    const onAir = await callerIn('on_air', '+14155550410');
    const a = await callerIn('ready', '+14155550411');
    await cueHeard(a.id, a.callSid, 'next');
    const b = await callerIn('ready', '+14155550412');
    expect((await findSession(b.id))?.cue).not.toBe('next');

    await reorderDeck(t.fx.host, t.fx.episode?.id ?? '', { order: [b.id, a.id] });
    await eventually(() => announcementOf(b.callSid) === MESSAGES.youreNext, 'the whisper to the new first on deck');
    await onlyTheyHearIt(b.callSid, [a.callSid, hostLeg, onAir.callSid, screenerLeg]);
    await cueHeard(b.id, b.callSid, 'next');
    // The caller moved down the deck forgot their cue: put first again, they would hear it again.
    expect((await findSession(a.id))?.cue).toBeNull();
  });
});
