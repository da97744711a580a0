import { loadavg } from 'node:os';
import { CONTEST_RELEASED_MESSAGE } from '@/lib/calls/contest-outcome';
import { BENCH_ADMIN } from './app-env';
import { appJson, findShowId, issueToken, logIn, type AppUser } from './app-client';
import { startConsoles, type BoardPoll } from './consoles';
import { beginKindRun } from './database';
import { EmulatorClient, pollUntil, type EmulatorCall } from './emulator-client';
import { findLostCallers, type ExpectedCall, type LostReport } from './lost-callers';
import { sampleMemory } from './memory';
import type { BenchOptions, DbKind } from './options';
import { stopProcess, type Started } from './processes';
import { connectHeadless, HOST, SCREENER, SHOW_NUMBER, startStack } from './stack';
import { ringSpike, waitForEnded, webhookStats, type Spike, type WebhookStats } from './spike';
import { ratio, summarize, type LatencySummary } from './stats';

export interface BoardStats {
  polls: number;
  latency: LatencySummary;
  share304: number | null;
  errors: number;
}

export interface KindResult {
  db: DbKind;
  database: string;
  conditions: { loadAverageBefore: number[]; loadAverageAfter: number[] };
  spike: { callers: number; spreadMs: number; consoles: number; target: number };
  voiceWebhook: {
    contest: WebhookStats;
    baseline: WebhookStats;
    p99Ratio: number | null;
    throughputRatio: number | null;
  };
  burst: {
    callers: number;
    contest: WebhookStats;
    baseline: WebhookStats;
    throughputRatio: number | null;
    p99Ratio: number | null;
  } | null;
  statusCallback: WebhookStats;
  boardPoll: { duringContestSpike: BoardStats; whole: BoardStats };
  air: { commandMs: number; airToHearMs: number };
  lost: LostReport;
  /** Released contest callers who never heard the contest message (their voice webhook timed out under load). */
  releasedWithoutMessage: number;
  memory: { peakRssMb: number; peakHwmMb: number };
  durationMs: number;
}

function boardStats(polls: BoardPoll[]): BoardStats {
  const ok = polls.filter((p) => p.status === 200 || p.status === 304);
  return {
    polls: polls.length,
    latency: summarize(ok.map((p) => Math.round(p.latencyMs))),
    share304: ok.length ? Math.round((ok.filter((p) => p.status === 304).length / ok.length) * 100) / 100 : null,
    errors: polls.length - ok.length,
  };
}

const hearsIdentity = (call: EmulatorCall, identity: string) =>
  call.hears?.kind === 'conference' && Boolean(call.hears.hears?.some((p) => p.identity === identity));
const hearsCall = (call: EmulatorCall, sid: string) =>
  call.hears?.kind === 'conference' && Boolean(call.hears.hears?.some((p) => p.callSid === sid));

interface Staff {
  producer: AppUser;
  host: AppUser;
  screener: AppUser;
  hostIdentity: string;
  screenerId: string;
  legs: string[];
}

/** Screener picks the winner up and approves; the host airs them. Answers how long until host and caller hear each other. */
async function airWinner(
  appUrl: string,
  emulator: EmulatorClient,
  staff: Staff,
  episodeId: string,
  winner: { id: string; sid: string },
) {
  await appJson(appUrl, staff.screener, 'POST', `/api/calls/${winner.id}/pickup`);
  await pollUntil(
    async () => (await emulator.call(winner.sid)).room === `screen-${staff.screenerId}`,
    'the winner with the screener',
    15_000,
  );
  await appJson(appUrl, staff.screener, 'POST', `/api/calls/${winner.id}/approve`, {
    card: { name: 'Contest winner', topic: 'The prize' },
  });
  await pollUntil(
    async () => (await emulator.call(winner.sid)).room === `live-${episodeId}`,
    'the winner on deck',
    15_000,
  );
  const started = performance.now();
  await appJson(appUrl, staff.host, 'POST', `/api/calls/${winner.id}/air`);
  const commandMs = Math.round(performance.now() - started);
  const [hostLeg] = staff.legs;
  await pollUntil(
    async () => {
      const [caller, host] = await Promise.all([emulator.call(winner.sid), emulator.call(hostLeg ?? '')]);
      return hearsIdentity(caller, staff.hostIdentity) && hearsCall(host, winner.sid);
    },
    'host and winner hearing each other',
    15_000,
    10,
  );
  return { commandMs, airToHearMs: Math.round(performance.now() - started) };
}

interface Board {
  groups: Record<string, { id: string; arrival: number | null; contestWinner?: boolean }[]>;
}

/** The board, from the endpoint the consoles poll. */
async function boardOf(appUrl: string, user: AppUser, showId: string): Promise<Board> {
  const { board } = await appJson<{ board: Board | null }>(appUrl, user, 'GET', `/api/shows/${showId}/console`);
  if (!board) throw new Error('the show has no episode');
  return board;
}

async function findWinner(
  appUrl: string,
  user: AppUser,
  showId: string,
  arrival: number,
  spike: Spike,
  emulator: EmulatorClient,
) {
  const board = await boardOf(appUrl, user, showId);
  const card = Object.values(board.groups)
    .flat()
    .find((c) => c.contestWinner && c.arrival === arrival);
  if (!card) throw new Error(`no contest winner with arrival ${arrival} on the board`);
  for (const sid of spike.sids) {
    const call = await emulator.call(sid);
    if (call.room === `hold-${card.id}`) return { id: card.id, sid };
  }
  throw new Error('the winner is not in its hold room');
}

/**
 * The emulator gives up on a webhook after 15 s, but the app may still be working through its backlog: the
 * contest stays open until the app has counted every caller of the spike, or has stopped counting for 5 s (a
 * webhook abandoned before the app read it is never counted; the lost-caller check reports it).
 */
async function waitForCounted(appUrl: string, producer: AppUser, episodeId: string, spike: Spike): Promise<void> {
  let last = -1;
  let stableSince = Date.now();
  await pollUntil(
    async () => {
      const { counted } = (
        await appJson<{ contest: { counted: number } }>(appUrl, producer, 'GET', `/api/episodes/${episodeId}/contest`)
      ).contest;
      if (counted !== last) [last, stableSince] = [counted, Date.now()];
      return counted >= spike.sids.length || Date.now() - stableSince > 5000;
    },
    `the app counting the callers of ${spike.name}`,
    180_000,
    250,
  );
}

/** One complete run on one database kind: start everything, baseline, contest spike, air, check, stop everything. */
export async function runKind(
  kind: DbKind,
  options: BenchOptions,
  workRoot: string,
  stamp: string,
  log: (line: string) => void,
): Promise<KindResult> {
  const { began, loadAverageBefore, workDir, db } = await beginKindRun(
    kind,
    kind,
    workRoot,
    options.postgresUrl,
    stamp,
  );
  const children: Started[] = [];
  try {
    const { appUrl, emulator, app, emulatorProcess, number, voiceUrls } = await startStack(
      kind,
      db,
      workDir,
      stamp,
      { EMULATOR_TIME_SCALE: String(options.timeScale) },
      children,
    );
    const memory = sampleMemory(app.pid);
    const baselineUrls = { voiceUrl: `${appUrl}/api/twilio/baseline`, statusCallback: `${appUrl}/api/twilio/baseline` };
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
      { title: `Bench ${stamp}` },
    );
    const hostBrowser = await connectHeadless(appUrl, emulator, host, { room: 'live', episodeId: episode.id });
    const screenerBrowser = await connectHeadless(appUrl, emulator, screener, { room: 'screen' });
    const staff: Staff = {
      producer,
      host,
      screener,
      hostIdentity: hostBrowser.identity,
      screenerId: screenerBrowser.identity.replace(/^user-/, ''),
      legs: [hostBrowser.sid, screenerBrowser.sid],
    };
    await pollUntil(
      async () => (await emulator.call(hostBrowser.sid)).room === `live-${episode.id}`,
      'the host in the live room',
      15_000,
    );

    // Warm-up: the first requests load each route's bundle and open the database pool.
    await emulator.pointNumber(number.sid, baselineUrls);
    const warmBaseline = await ringSpike(emulator, 'warm-up baseline', SHOW_NUMBER, 209, 10, 0);
    await waitForEnded(emulator, warmBaseline, () => false, 30_000);
    await emulator.pointNumber(number.sid, voiceUrls);
    const warmDoor = await ringSpike(emulator, 'warm-up door', SHOW_NUMBER, 208, 10, 0);
    await waitForEnded(emulator, warmDoor, (c) => Boolean(c.room?.startsWith('hold-')), 30_000);
    await Promise.all(warmDoor.sids.map((sid) => emulator.hangUp(sid)));
    await waitForEnded(emulator, warmDoor, () => false, 30_000);

    const consoles = startConsoles(appUrl, showId, [screener, host], options.consoles);
    log(
      `  ${kind}: baseline spike, ${options.callers} callers in ${options.spreadMs} ms, answered by /api/twilio/baseline`,
    );
    await emulator.pointNumber(number.sid, baselineUrls);
    const baseline = await ringSpike(emulator, 'baseline', SHOW_NUMBER, 201, options.callers, options.spreadMs);
    await waitForEnded(emulator, baseline, () => false, 90_000);
    await emulator.pointNumber(number.sid, voiceUrls);

    log(
      `  ${kind}: contest spike, ${options.callers} callers in ${options.spreadMs} ms, caller ${options.target} wins`,
    );
    const { contest } = await appJson<{ contest: { winningArrival: number } }>(
      appUrl,
      producer,
      'POST',
      `/api/episodes/${episode.id}/contest`,
      { target: options.target },
    );
    const spike = await ringSpike(emulator, 'contest', SHOW_NUMBER, 202, options.callers, options.spreadMs);
    const onHold = (c: EmulatorCall) => Boolean(c.room?.startsWith('hold-'));
    await waitForEnded(emulator, spike, onHold, 90_000);
    await waitForCounted(appUrl, producer, episode.id, spike);
    await appJson(appUrl, producer, 'DELETE', `/api/episodes/${episode.id}/contest`);
    const winner = await findWinner(appUrl, producer, showId, contest.winningArrival, spike, emulator);

    log(`  ${kind}: on air: screener picks up the winner, approves, host airs`);
    const air = await airWinner(appUrl, emulator, staff, episode.id, winner);
    await consoles.stop();

    let burst: { base: Spike; contest: Spike; winner: { id: string; sid: string } } | null = null;
    if (options.burst > 0) {
      log(`  ${kind}: capacity bursts, ${options.burst} callers at once, baseline then contest`);
      await emulator.pointNumber(number.sid, baselineUrls);
      const base = await ringSpike(emulator, 'burst baseline', SHOW_NUMBER, 203, options.burst, 0);
      await waitForEnded(emulator, base, () => false, 120_000);
      await emulator.pointNumber(number.sid, voiceUrls);
      const opened = await appJson<{ contest: { winningArrival: number } }>(
        appUrl,
        producer,
        'POST',
        `/api/episodes/${episode.id}/contest`,
        { target: options.target },
      );
      const burstContest = await ringSpike(emulator, 'burst contest', SHOW_NUMBER, 204, options.burst, 0);
      await waitForEnded(emulator, burstContest, onHold, 120_000);
      await waitForCounted(appUrl, producer, episode.id, burstContest);
      await appJson(appUrl, producer, 'DELETE', `/api/episodes/${episode.id}/contest`);
      burst = {
        base,
        contest: burstContest,
        winner: await findWinner(appUrl, producer, showId, opened.contest.winningArrival, burstContest, emulator),
      };
    }

    // Everyone still on the line hangs up; the app must end every session before it stops.
    const stillLive = [winner.sid, ...(burst ? [burst.winner.sid] : []), ...staff.legs];
    await Promise.all(stillLive.map((sid) => emulator.hangUp(sid)));
    await pollUntil(
      async () => {
        const board = await boardOf(appUrl, producer, showId);
        return Object.values(board.groups).every((group) => group.length === 0);
      },
      'every session ended',
      30_000,
      250,
    );
    const state = await emulator.state();
    const peak = memory.stop();
    await stopProcess(app);

    const expected: ExpectedCall[] = [
      ...warmDoor.sids.map((sid) => ({
        sid,
        expect: (r: { state: string }) => r.state === 'abandoned',
        describe: 'abandoned (hung up in the queue)',
      })),
      ...spike.sids.map((sid) =>
        sid === winner.sid
          ? {
              sid,
              expect: (r: { state: string; contestWinner: boolean }) => r.state === 'completed' && r.contestWinner,
              describe: 'completed winner (aired, then hung up)',
            }
          : { sid, expect: (r: { state: string }) => r.state === 'contest_released', describe: 'contest_released' },
      ),
      ...(burst
        ? burst.contest.sids.map((sid) =>
            sid === burst.winner.sid
              ? {
                  sid,
                  expect: (r: { state: string; contestWinner: boolean }) => r.state === 'abandoned' && r.contestWinner,
                  describe: 'abandoned winner (hung up waiting)',
                }
              : { sid, expect: (r: { state: string }) => r.state === 'contest_released', describe: 'contest_released' },
          )
        : []),
    ];
    // Calls answered by the baseline route must have left no session at all.
    const lost = findLostCallers(expected, state.calls, await db.sessions(), new Set(expected.map((e) => e.sid)));
    const releasedSids = [...spike.sids, ...(burst ? burst.contest.sids : [])].filter(
      (sid) => sid !== winner.sid && sid !== burst?.winner.sid,
    );
    const heardMessage = new Set(
      state.calls
        .filter((c) =>
          c.timeline.some((seg) => seg.hearing.kind === 'say' && seg.hearing.text === CONTEST_RELEASED_MESSAGE),
        )
        .map((c) => c.sid),
    );
    const releasedWithoutMessage = releasedSids.filter((sid) => !heardMessage.has(sid)).length;
    await stopProcess(emulatorProcess);

    const sidsOf = (s: Spike) => new Set(s.sids);
    const contestVoice = webhookStats(state.webhooks, sidsOf(spike), 'voice');
    const baselineVoice = webhookStats(state.webhooks, sidsOf(baseline), 'voice');
    const spikeWindow = consoles.polls.filter((p) => p.at >= spike.startedAt && p.at <= spike.settledAt);
    const burstStats = burst
      ? (() => {
          const contestBurst = webhookStats(state.webhooks, sidsOf(burst.contest), 'voice');
          const baselineBurst = webhookStats(state.webhooks, sidsOf(burst.base), 'voice');
          return {
            callers: options.burst,
            contest: contestBurst,
            baseline: baselineBurst,
            throughputRatio: ratio(contestBurst.throughputPerSecond, baselineBurst.throughputPerSecond),
            p99Ratio: ratio(contestBurst.latency.p99, baselineBurst.latency.p99),
          };
        })()
      : null;
    return {
      db: kind,
      database: db.label,
      conditions: { loadAverageBefore, loadAverageAfter: loadavg().map((n) => Math.round(n * 100) / 100) },
      spike: {
        callers: options.callers,
        spreadMs: options.spreadMs,
        consoles: options.consoles,
        target: options.target,
      },
      voiceWebhook: {
        contest: contestVoice,
        baseline: baselineVoice,
        p99Ratio: ratio(contestVoice.latency.p99, baselineVoice.latency.p99),
        throughputRatio: ratio(contestVoice.throughputPerSecond, baselineVoice.throughputPerSecond),
      },
      burst: burstStats,
      statusCallback: webhookStats(state.webhooks, sidsOf(spike), 'status'),
      boardPoll: { duringContestSpike: boardStats(spikeWindow), whole: boardStats(consoles.polls) },
      air,
      lost,
      releasedWithoutMessage,
      memory: peak,
      durationMs: Date.now() - began,
    };
  } finally {
    for (const child of children.reverse()) await stopProcess(child);
    await db.drop().catch((error: unknown) => log(`  could not drop the ${kind} database: ${String(error)}`));
  }
}
