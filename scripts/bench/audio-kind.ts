import { loadavg } from 'node:os';
import { SdkClient, type SdkCall } from '@/emulator/test/support/sdk-client';
import { BENCH_ADMIN } from './app-env';
import { appJson, findShowId, issueToken, logIn } from './app-client';
import { beginKindRun } from './database';
import { pollUntil, type EmulatorClient } from './emulator-client';
import type { BenchOptions, DbKind } from './options';
import { stopProcess, type Started } from './processes';
import { connectHeadless, HOST, SCREENER, SHOW_NUMBER, startStack, voiceToken } from './stack';
import { summarize, type LatencySummary } from './stats';

/** The show the issue names: one host, two callers on air, ten on deck. */
const ON_AIR = 2;
const ON_DECK = 10;
/** Tones each party speaks (clear of the hold music and of each other; tests/e2e/support/audio-parties.ts). */
const TONE = { host: 1730, onAir: [2150, 2450], deck: 3050 } as const;
const DELAY_SAMPLES = 15;
/** Quiet between two tone onsets, so that each onset is a new one in both directions. */
const GAP_MS = 300;
const CPU_WINDOW_MS = 10_000;
/** The audio engine's clock (emulator/src/media/pcm.ts). */
const FRAME_MS = 20;
const DELAY_GOAL_MS = 150;

export interface DelayFigures {
  /** From the voice reaching the emulator to the mix carrying it leaving it (GET /_emulator/audio/delay). */
  inEmulatorMs: LatencySummary;
  /** From the speaker's mouth to the listener's ear, through the WebRTC leg (the host is a werift peer here). */
  mouthToEarMs: LatencySummary;
}

export interface AudioKindResult {
  db: DbKind;
  parties: { host: number; onAir: number; onDeck: number; mixedParties: number };
  delay: { hostToOnAirCaller: DelayFigures; callerToHost: DelayFigures };
  cpu: {
    windowMs: number;
    /** The mixer's own work: ms of CPU per second of audio, per mixed party. */
    mixerMsPerPartySecond: number;
    /** The whole emulator process (mixer, WebRTC leg, HTTP) as a share of one core, and per mixed party. */
    processCorePercent: number;
    processCorePercentPerParty: number;
  };
  conditions: { loadAverageBefore: number[]; loadAverageAfter: number[] };
  durationMs: number;
}

interface AudioLoad {
  ticks: number;
  busyMs: number;
  partyTicks: number;
  cpu: { user: number; system: number };
}

interface Delay {
  delayMs: number;
  spokeAt: number;
  heardAt: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function speak(emulator: EmulatorClient, sid: string, frequency: number | null): Promise<unknown> {
  return emulator.control(
    'POST',
    `/_emulator/calls/${sid}/speak`,
    frequency === null ? { source: 'silence' } : { source: 'tone', frequency, amplitude: 0.25 },
  );
}

/** The emulator's measure of one onset of `frequency` from `from` reaching `to`, once one newer than `since` exists. */
function delayAfter(emulator: EmulatorClient, from: string, to: string, frequency: number, since: number) {
  return pollUntil(
    async () => {
      const found = await emulator
        .control<Delay>('GET', `/_emulator/audio/delay?from=${from}&to=${to}&frequency=${frequency}`)
        .catch(() => null);
      return found && found.spokeAt >= since ? found : null;
    },
    `${frequency} Hz from ${from} reaching ${to}`,
    5000,
    20,
  );
}

/** Host (a WebRTC leg) to an on-air caller: the host's tone starts in the bench, the caller hears it in the emulator. */
async function hostToCaller(emulator: EmulatorClient, host: SdkCall, callerSid: string): Promise<DelayFigures> {
  const inEmulator: number[] = [];
  const mouthToEar: number[] = [];
  for (let i = 0; i < DELAY_SAMPLES; i += 1) {
    host.speak(null);
    await pause(GAP_MS);
    const spokeAt = Date.now();
    host.speak(TONE.host);
    const measured = await delayAfter(emulator, host.callSid, callerSid, TONE.host, spokeAt);
    inEmulator.push(measured.delayMs);
    mouthToEar.push(measured.heardAt - spokeAt);
  }
  return { inEmulatorMs: summarize(inEmulator), mouthToEarMs: summarize(mouthToEar) };
}

/** An on-air caller to the host: the emulator takes the phone's voice on its clock, the host's peer receives it. */
async function callerToHost(
  emulator: EmulatorClient,
  callerSid: string,
  frequency: number,
  host: SdkCall,
): Promise<DelayFigures> {
  const inEmulator: number[] = [];
  const mouthToEar: number[] = [];
  for (let i = 0; i < DELAY_SAMPLES; i += 1) {
    await speak(emulator, callerSid, null);
    await pause(GAP_MS);
    const since = Date.now();
    await speak(emulator, callerSid, frequency);
    const measured = await delayAfter(emulator, callerSid, host.callSid, frequency, since);
    const heard = await pollUntil(
      () => Promise.resolve(host.received.firstWithTone(frequency, measured.spokeAt)),
      `${frequency} Hz reaching the host's peer`,
      5000,
      10,
    );
    inEmulator.push(measured.delayMs);
    mouthToEar.push(heard - measured.spokeAt);
  }
  await speak(emulator, callerSid, frequency);
  return { inEmulatorMs: summarize(inEmulator), mouthToEarMs: summarize(mouthToEar) };
}

/**
 * `--mode=audio`: a show of one host (a WebRTC leg from the bench, as the Voice SDK makes it), two callers on
 * air and ten on deck, everyone speaking a tone. Measures the mouth-to-ear delay host → on-air caller and caller
 * → host, and the emulator's CPU per mixed party over a steady window.
 */
export async function runAudioKind(
  kind: DbKind,
  options: BenchOptions,
  workRoot: string,
  stamp: string,
  log: (line: string) => void,
): Promise<AudioKindResult> {
  const { began, loadAverageBefore, workDir, db } = await beginKindRun(
    kind,
    kind,
    workRoot,
    options.postgresUrl,
    stamp,
  );
  const children: Started[] = [];
  let sdk: SdkClient | null = null;
  let hostCall: SdkCall | null = null;
  try {
    const { appUrl, emulator } = await startStack(
      kind,
      db,
      workDir,
      stamp,
      { EMULATOR_TIME_SCALE: String(options.timeScale) },
      children,
    );
    log(`  ${kind}: app and emulator up after ${Math.round((Date.now() - began) / 1000)} s`);
    const producer = await issueToken(appUrl, await logIn(appUrl, BENCH_ADMIN.email, BENCH_ADMIN.password));
    const host = await logIn(appUrl, HOST.email, HOST.password);
    const screener = await logIn(appUrl, SCREENER.email, SCREENER.password);
    const showId = await findShowId(appUrl, producer);
    const { episode } = await appJson<{ episode: { id: string } }>(
      appUrl,
      producer,
      'POST',
      `/api/shows/${showId}/lines`,
      { title: `Audio bench ${stamp}` },
    );
    const liveRoom = `live-${episode.id}`;

    const health = await emulator.control<{ signal: { url: string } }>('GET', '/_emulator/health');
    sdk = await SdkClient.open(health);
    const hostToken = await voiceToken(appUrl, host);
    const listened = await sdk.listen(hostToken.token);
    if (listened.type !== 'connected') throw new Error(`the host's listen failed: ${JSON.stringify(listened.payload)}`);
    hostCall = await sdk.connect({ room: 'live', episodeId: episode.id });
    const hostSid = hostCall.callSid;
    await pollUntil(async () => (await emulator.call(hostSid)).room === liveRoom, 'the host in the live room', 15_000);
    const screenerLeg = await connectHeadless(appUrl, emulator, screener, { room: 'screen' });
    const screenRoom = `screen-${screenerLeg.identity.replace(/^user-/, '')}`;

    log(`  ${kind}: ${ON_AIR + ON_DECK} callers screened onto the deck, ${ON_AIR} of them aired`);
    const callers: { id: string; sid: string }[] = [];
    for (let i = 0; i < ON_AIR + ON_DECK; i += 1) {
      const { sid } = await emulator.ring(`+1415555${String(2000 + i).padStart(4, '0')}`, SHOW_NUMBER);
      const room = await pollUntil(
        async () => {
          const r = (await emulator.call(sid)).room;
          return r?.startsWith('hold-') ? r : null;
        },
        `caller ${i + 1} holding`,
        15_000,
      );
      const id = room.slice('hold-'.length);
      await appJson(appUrl, screener, 'POST', `/api/calls/${id}/pickup`);
      await pollUntil(async () => (await emulator.call(sid)).room === screenRoom, `caller ${i + 1} screened`, 15_000);
      await appJson(appUrl, screener, 'POST', `/api/calls/${id}/approve`, {
        card: { name: `Caller ${i + 1}`, topic: 'Sound' },
      });
      await pollUntil(async () => (await emulator.call(sid)).room === liveRoom, `caller ${i + 1} on deck`, 15_000);
      callers.push({ id, sid });
    }
    // The screener's leg leaves, so the mixed parties are exactly the show's.
    await emulator.hangUp(screenerLeg.sid);
    const onAir = callers.slice(0, ON_AIR);
    for (const caller of onAir) {
      await appJson(appUrl, host, 'POST', `/api/calls/${caller.id}/air`);
      await pollUntil(
        async () => {
          const view = await emulator.call(hostSid);
          return view.hears?.kind === 'conference' && view.hears.hears?.some((p) => p.callSid === caller.sid);
        },
        'the host hearing the caller on air',
        15_000,
      );
    }
    await Promise.all(
      callers.map((caller, i) => speak(emulator, caller.sid, i < ON_AIR ? (TONE.onAir[i] ?? null) : TONE.deck)),
    );
    hostCall.speak(TONE.host);

    log(`  ${kind}: CPU of the emulator over ${CPU_WINDOW_MS / 1000} s of the show`);
    const loadBefore = await emulator.control<AudioLoad>('GET', '/_emulator/audio/load');
    const windowStarted = performance.now();
    await pause(CPU_WINDOW_MS);
    const loadAfter = await emulator.control<AudioLoad>('GET', '/_emulator/audio/load');
    const windowMs = performance.now() - windowStarted;
    const partyTicks = loadAfter.partyTicks - loadBefore.partyTicks;
    const ticks = loadAfter.ticks - loadBefore.ticks;
    const mixedParties = ticks ? partyTicks / ticks : 0;
    const cpuMs = (loadAfter.cpu.user + loadAfter.cpu.system - loadBefore.cpu.user - loadBefore.cpu.system) / 1000;
    const processCorePercent = (cpuMs / windowMs) * 100;

    const [first] = onAir;
    if (!first) throw new Error('nobody on air');
    log(`  ${kind}: mouth-to-ear delay, ${DELAY_SAMPLES} tone onsets each way`);
    const hostToOnAirCaller = await hostToCaller(emulator, hostCall, first.sid);
    const callerToHostFigures = await callerToHost(emulator, first.sid, TONE.onAir[0], hostCall);

    await Promise.all([...callers.map((c) => emulator.hangUp(c.sid)), emulator.hangUp(hostSid)]);
    return {
      db: kind,
      parties: { host: 1, onAir: ON_AIR, onDeck: ON_DECK, mixedParties: round1(mixedParties) },
      delay: { hostToOnAirCaller, callerToHost: callerToHostFigures },
      cpu: {
        windowMs: Math.round(windowMs),
        mixerMsPerPartySecond: partyTicks
          ? round1(((loadAfter.busyMs - loadBefore.busyMs) / (partyTicks * FRAME_MS)) * 1000)
          : 0,
        processCorePercent: round1(processCorePercent),
        processCorePercentPerParty: mixedParties ? round1(processCorePercent / mixedParties) : 0,
      },
      conditions: { loadAverageBefore, loadAverageAfter: loadavg().map((n) => Math.round(n * 100) / 100) },
      durationMs: Date.now() - began,
    };
  } finally {
    await hostCall?.close();
    await sdk?.close();
    for (const child of children.reverse()) await stopProcess(child);
    await db.drop().catch((error: unknown) => log(`  could not drop the ${kind} database: ${String(error)}`));
  }
}

const ms = (s: LatencySummary) => `${s.p50 ?? '-'} / ${s.p95 ?? '-'} / ${s.max ?? '-'}`;

/** The figures of an audio run, one column per database kind. */
export function audioTable(results: AudioKindResult[]): string {
  const rows: [string, ...string[]][] = [
    ['', ...results.map((r) => r.db)],
    [
      'parties mixed (host + on air + on deck)',
      ...results.map((r) => `${r.parties.mixedParties} (1 + ${r.parties.onAir} + ${r.parties.onDeck})`),
    ],
    [
      'host -> on-air caller, mouth to ear p50/p95/max ms',
      ...results.map((r) => ms(r.delay.hostToOnAirCaller.mouthToEarMs)),
    ],
    ['  of which inside the emulator', ...results.map((r) => ms(r.delay.hostToOnAirCaller.inEmulatorMs))],
    ['caller -> host, mouth to ear p50/p95/max ms', ...results.map((r) => ms(r.delay.callerToHost.mouthToEarMs))],
    ['  of which inside the emulator', ...results.map((r) => ms(r.delay.callerToHost.inEmulatorMs))],
    ['mixer CPU ms per party-second', ...results.map((r) => `${r.cpu.mixerMsPerPartySecond}`)],
    [
      'emulator process CPU % of a core (per party)',
      ...results.map((r) => `${r.cpu.processCorePercent} (${r.cpu.processCorePercentPerParty})`),
    ],
    [
      'load average before -> after (2 cores)',
      ...results.map((r) => `${r.conditions.loadAverageBefore[0]} -> ${r.conditions.loadAverageAfter[0]}`),
    ],
  ];
  const widths = (rows[0] ?? []).map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | ')).join('\n');
}

/** Whether the delays meet the issue's aim: under 150 ms mouth to ear, at the 95th percentile, both ways. */
export function delayVerdicts(results: AudioKindResult[]): string[] {
  return results.map((r) => {
    const worst = Math.max(
      r.delay.hostToOnAirCaller.mouthToEarMs.p95 ?? Infinity,
      r.delay.callerToHost.mouthToEarMs.p95 ?? Infinity,
    );
    return `${r.db}: mouth-to-ear p95 ${worst} ms ${worst < DELAY_GOAL_MS ? 'meets' : 'misses'} the ${DELAY_GOAL_MS} ms aim.`;
  });
}
