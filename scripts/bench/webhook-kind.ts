import { loadavg } from 'node:os';
import path from 'node:path';
import { DEMO_SHOW } from '@/lib/bootstrap/demo';
import { openDatabase } from '@/lib/db/connect';
import { shows } from '@/lib/db/schema';
import { REHEARSAL_AUTH_TOKEN } from '@/lib/telephony/config';
import { BENCH_ADMIN, benchAppEnv } from './app-env';
import { appJson, findShowId, issueToken, logIn } from './app-client';
import { beginKindRun, type SessionRow } from './database';
import { measureIdleConsoles, type IdleConsoles } from './idle-consoles';
import { sampleMemory } from './memory';
import { fireOpenLoop, sendSigned, shotStats, type Shot, type ShotStats, type Webhook } from './open-loop';
import type { BenchOptions, DbKind } from './options';
import { freePort, profileArgs, startProcess, stopProcess, waitForHttp, type Started } from './processes';
import { ratio } from './stats';

const HOST = { email: 'host@switchboard.test', password: 'rehearsal-host' };
const SCREENER = { email: 'screener@switchboard.test', password: 'rehearsal-screener' };
const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');
const TSX_CLI = path.resolve('node_modules/tsx/dist/cli.mjs');
// A visible console's poll is held up to 25 s: the window lets each console's poll run out twice.
const IDLE_CONSOLE_SECONDS = { visible: 55, hidden: 15 } as const;

export type TargetName = 'bare' | 'baseline' | 'door';

export interface Phase {
  target: TargetName;
  /** Calls per second, or "burst" (all at once). */
  rate: number | 'burst';
  stats: ShotStats;
  /** Door only: answers that were the overflow hold (a redirect back to the door), and what they became. */
  overflow?: { answered: number; followedMs: ShotStats['latency'] };
}

export interface WebhookKindResult {
  db: DbKind;
  database: string;
  conditions: { loadAverageBefore: number[]; loadAverageAfter: number[] };
  phases: Phase[];
  /** Visible consoles (held polls), then hidden tabs (a poll a second). */
  idleConsoles: IdleConsoles[];
  /** Every door call has one session, and what the caller was finally told matches it. */
  consistency: { calls: number; mismatches: number; problems: string[] };
  memory: { peakRssMb: number; peakHwmMb: number };
  durationMs: number;
}

let callCounter = 0;
function newCallSid(): string {
  callCounter += 1;
  return `CA${process.pid.toString(16).padStart(8, '0')}${Date.now().toString(16).padStart(12, '0')}${callCounter.toString(16).padStart(12, '0')}`;
}

/** A new caller ringing the show: a fresh CallSid and a number nobody used before. */
function ringing(url: string): Webhook {
  const sid = newCallSid();
  const from = `+1415${String(1_000_000 + callCounter).slice(-7)}`;
  return {
    url,
    params: {
      CallSid: sid,
      AccountSid: 'AC00000000000000000000000000e1a1a7',
      From: from,
      To: DEMO_SHOW.phoneNumber,
      CallStatus: 'ringing',
      Direction: 'inbound',
      ApiVersion: '2010-04-01',
    },
  };
}

const REDIRECT = /<Redirect[^>]*>([^<]+)<\/Redirect>/;

/**
 * What Twilio does with the overflow answer: pause, then ask the redirect URL again, until the answer is not a
 * redirect. Answers the final TwiML and how long the caller waited for it in all.
 */
async function followOverflow(shot: Shot): Promise<{ body: string; totalMs: number }> {
  let body = shot.body;
  let total = shot.latencyMs;
  for (let hops = 0; hops < 20; hops++) {
    const url = REDIRECT.exec(body)?.[1];
    if (!url) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const started = performance.now();
    body = (await sendSigned({ url: url.replace(/&amp;/g, '&'), params: shot.webhook.params }, REHEARSAL_AUTH_TOKEN))
      .body;
    total += 1000 + (performance.now() - started);
  }
  return { body, totalMs: total };
}

/** What a door answer tells the caller, in the words of a session state. */
function heard(body: string): string {
  if (/<Conference[^>]*>hold-/.test(body)) return 'queued';
  if (body.includes('All of our lines are busy')) return 'queue_full';
  if (body.includes('off the air')) return 'off_air';
  if (REDIRECT.test(body)) return 'still redirected';
  return `unexpected: ${body.slice(0, 120)}`;
}

/** The show the demo seeds, with a queue limit no run reaches: every caller of the run is admitted. */
async function seedShow(env: Record<string, string>): Promise<void> {
  const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR });
  try {
    await handle.db.insert(shows).values({ ...DEMO_SHOW, maxQueue: 1_000_000 });
  } finally {
    await handle.close();
  }
}

/**
 * One database kind: the production build (next start) on a fresh database, a bare node:http server beside it,
 * open-loop signed webhooks at each rate for each target, a burst, 20 idle consoles, then the consistency check.
 */
export async function runWebhookKind(
  kind: DbKind,
  options: BenchOptions,
  workRoot: string,
  stamp: string,
  log: (line: string) => void,
): Promise<WebhookKindResult> {
  const { began, loadAverageBefore, workDir, db } = await beginKindRun(
    kind,
    `${kind}-webhooks`,
    workRoot,
    options.postgresUrl,
    stamp,
  );
  const children: Started[] = [];
  try {
    await seedShow(db.env);
    const [appPort, emulatorPort, barePort] = [await freePort(), await freePort(), await freePort()];
    const appUrl = `http://127.0.0.1:${appPort}`;
    const env = benchAppEnv({
      kind,
      appPort,
      emulatorPort,
      stamp,
      dbEnv: db.env,
      // Nobody really rings: the reconciler would find none of these calls at the emulator and end them.
      extra: { RECONCILE_INTERVAL_MS: '3600000', BENCH_COUNT_STATEMENTS: '1' },
    });
    const emulator = startProcess(
      'emulator',
      process.execPath,
      [TSX_CLI, 'emulator/server.ts'],
      env,
      path.join(workDir, 'emulator.log'),
    );
    children.push(emulator);
    const bare = startProcess(
      'bare',
      process.execPath,
      [path.resolve('scripts/bench/bare-twiml-server.mjs')],
      { ...env, PORT: String(barePort) },
      path.join(workDir, 'bare.log'),
    );
    children.push(bare);
    const app = startProcess(
      'app',
      process.execPath,
      [...profileArgs(`${kind}-webhooks`), NEXT_BIN, 'start', '-p', String(appPort), '-H', '127.0.0.1'],
      env,
      path.join(workDir, 'app.log'),
    );
    children.push(app);
    const memory = sampleMemory(app.pid);
    await waitForHttp(`${appUrl}/api/health`, 120_000, app);
    log(`  ${kind}: app up after ${Math.round((Date.now() - began) / 1000)} s`);

    const producer = await issueToken(appUrl, await logIn(appUrl, BENCH_ADMIN.email, BENCH_ADMIN.password));
    const host = await logIn(appUrl, HOST.email, HOST.password);
    const screener = await logIn(appUrl, SCREENER.email, SCREENER.password);
    const showId = await findShowId(appUrl, producer);
    await appJson(appUrl, producer, 'POST', `/api/shows/${showId}/lines`, { title: `Bench ${stamp}` });

    const urls: Record<TargetName, string> = {
      bare: `http://127.0.0.1:${barePort}/`,
      baseline: `${appUrl}/api/twilio/baseline`,
      door: `${appUrl}/api/twilio/voice`,
    };
    const doorShots: Shot[] = [];
    // Warm-up: the first requests load each route's bundle and open the database pool.
    for (const target of ['bare', 'baseline', 'door'] as const) {
      const warm = await fireOpenLoop(
        Array.from({ length: 20 }, () => ringing(urls[target])),
        20,
        REHEARSAL_AUTH_TOKEN,
      );
      if (target === 'door') doorShots.push(...warm);
    }

    const consoles: IdleConsoles[] = [];
    for (const mode of ['visible', 'hidden'] as const) {
      const seconds = IDLE_CONSOLE_SECONDS[mode];
      log(`  ${kind}: ${options.consoles} idle ${mode} consoles polling /api/shows/{id}/console for ${seconds} s`);
      const idle = await measureIdleConsoles({
        appUrl,
        appPid: app.pid,
        showId,
        users: [screener, host],
        count: options.consoles,
        seconds,
        mode,
      });
      consoles.push(idle);
      log(
        `  ${kind}: ${mode}: app CPU ${Math.round(idle.appCpuShare * 1000) / 10}% of a core, ${idle.polls} polls, ${idle.statementsPer304} statements per 304, ${idle.statementsPerSecond} statements/s`,
      );
    }

    const phases: Phase[] = [];
    const runPhase = async (target: TargetName, rate: number | 'burst', count: number) => {
      const shots = await fireOpenLoop(
        Array.from({ length: count }, () => ringing(urls[target])),
        rate,
        REHEARSAL_AUTH_TOKEN,
      );
      const phase: Phase = { target, rate, stats: shotStats(shots) };
      if (target === 'door') {
        doorShots.push(...shots);
        const overflowed = shots.filter((s) => REDIRECT.test(s.body));
        if (overflowed.length > 0) {
          const followed = await Promise.all(overflowed.map(followOverflow));
          followed.forEach((f, i) => {
            const shot = overflowed[i];
            if (shot) shot.body = f.body;
          });
          phase.overflow = {
            answered: overflowed.length,
            followedMs: shotStats(
              followed.map((f) => ({
                webhook: { url: '', params: {} },
                scheduledMs: 0,
                latencyMs: f.totalMs,
                status: 200,
                body: '',
              })),
            ).latency,
          };
        }
      }
      phases.push(phase);
      const s = phase.stats;
      log(
        `  ${kind}: ${target} at ${rate === 'burst' ? `a burst of ${count}` : `${rate}/s`}: p50/p99/max ${s.latency.p50}/${s.latency.p99}/${s.latency.max} ms, ${s.servedPerSecond}/s served, ${s.errors} errors${phase.overflow ? `, ${phase.overflow.answered} overflow answers` : ''}`,
      );
      // Let the app settle before the next phase.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    };
    for (const rate of options.rates)
      for (const target of ['bare', 'baseline', 'door'] as const) await runPhase(target, rate, rate * options.seconds);
    if (options.burst > 0)
      for (const target of ['bare', 'baseline', 'door'] as const) await runPhase(target, 'burst', options.burst);

    const peak = memory.stop();
    await stopProcess(app);
    const sessions = new Map<string, SessionRow[]>();
    for (const row of await db.sessions()) sessions.set(row.callSid, [...(sessions.get(row.callSid) ?? []), row]);
    const problems: string[] = [];
    for (const shot of doorShots) {
      const sid = shot.webhook.params.CallSid ?? '';
      const rows = sessions.get(sid) ?? [];
      const told = shot.status === 200 ? heard(shot.body) : `HTTP ${shot.status}`;
      if (rows.length !== 1) problems.push(`${sid}: ${rows.length} sessions, told ${told}`);
      else if (rows[0]?.state !== told) problems.push(`${sid}: session ${rows[0]?.state}, told ${told}`);
    }
    return {
      db: kind,
      database: db.label,
      conditions: { loadAverageBefore, loadAverageAfter: loadavg().map((n) => Math.round(n * 100) / 100) },
      phases,
      idleConsoles: consoles,
      consistency: { calls: doorShots.length, mismatches: problems.length, problems: problems.slice(0, 10) },
      memory: peak,
      durationMs: Date.now() - began,
    };
  } finally {
    for (const child of children.reverse()) await stopProcess(child);
    await db.drop().catch((error: unknown) => log(`  could not drop the ${kind} database: ${String(error)}`));
  }
}

/** The README's table: one row per target and load, one column per database. */
export function webhookTable(results: WebhookKindResult[]): string {
  const header = `| | ${results.map((r) => r.db).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|`;
  const first = results[0];
  if (!first) return header;
  const rows: string[] = [];
  first.phases.forEach((phase, i) => {
    const label = `${phase.target} ${phase.rate === 'burst' ? `burst of ${phase.stats.count}` : `${phase.rate}/s`}: p50 / p99 / max ms, served/s, errors`;
    const cells = results.map((r) => {
      const p = r.phases[i];
      if (!p) return '-';
      const s = p.stats;
      return `${s.latency.p50} / ${s.latency.p99} / ${s.latency.max}, ${s.servedPerSecond}/s, ${s.errors}${p.overflow ? ` (${p.overflow.answered} overflow holds)` : ''}`;
    });
    rows.push(`| ${label} | ${cells.join(' | ')} |`);
  });
  const served = (r: WebhookKindResult, target: TargetName, rate: number) =>
    r.phases.find((p) => p.target === target && p.rate === rate)?.stats.servedPerSecond ?? null;
  const top = Math.max(...first.phases.filter((p) => p.rate !== 'burst').map((p) => p.rate as number));
  rows.push(
    `| door served / baseline served at ${top}/s | ${results.map((r) => `x${ratio(served(r, 'door', top), served(r, 'baseline', top)) ?? '-'}`).join(' | ')} |`,
  );
  first.idleConsoles.forEach((idle, i) => {
    const how = idle.mode === 'visible' ? 'visible (held polls)' : 'hidden tabs (a poll a second)';
    rows.push(
      `| ${idle.consoles} idle consoles, ${how}: app CPU (share of one core), 304 share, statements per 304 | ${results
        .map((r) => {
          const c = r.idleConsoles[i];
          return c
            ? `${Math.round(c.appCpuShare * 1000) / 10}%, ${Math.round((c.share304 ?? 0) * 1000) / 10}%, ${c.statementsPer304}`
            : '-';
        })
        .join(' | ')} |`,
    );
  });
  rows.push(
    `| door calls whose session matches what they heard | ${results.map((r) => `${r.consistency.calls - r.consistency.mismatches} of ${r.consistency.calls}`).join(' | ')} |`,
  );
  rows.push(
    `| load average before -> after (2 cores) | ${results.map((r) => `${r.conditions.loadAverageBefore[0]} -> ${r.conditions.loadAverageAfter[0]}`).join(' | ')} |`,
  );
  return `${header}\n${rows.join('\n')}`;
}
