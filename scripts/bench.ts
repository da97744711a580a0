import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { audioTable, delayVerdicts, runAudioKind, type AudioKindResult } from './bench/audio-kind';
import { parseOptions } from './bench/options';
import { markdownTable, printTable, writeResults } from './bench/report';
import { runKind, type KindResult } from './bench/run-kind';
import { runWebhookKind, webhookTable, type WebhookKindResult } from './bench/webhook-kind';

/**
 * `npm run bench`: open-loop signed webhooks straight at a production build (the door, the baseline route and a
 * bare node:http server) plus idle consoles; `--mode=emulator`: a contest spike played through the emulator;
 * `--mode=audio`: a show's sound through the emulator (mouth-to-ear delay, CPU per mixed party). On PGlite and
 * Postgres. See README "Benchmark". Stops everything it started.
 */
async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const began = Date.now();
  const log = (line: string) => console.log(line);
  const reuse = process.env.BENCH_SKIP_BUILD === '1' && existsSync('.next/BUILD_ID');
  let buildMs = 0;
  if (!reuse) {
    log('Building the app (next build; BENCH_SKIP_BUILD=1 reuses an existing build)');
    const build = spawnSync(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
    buildMs = Date.now() - began;
  }
  const stamp = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const workRoot = mkdtempSync(path.join(tmpdir(), 'sb-bench-'));
  const results: KindResult[] = [];
  const webhookResults: WebhookKindResult[] = [];
  const audioResults: AudioKindResult[] = [];
  try {
    for (const kind of options.db) {
      log(`\n${kind}:`);
      if (options.mode === 'webhooks') webhookResults.push(await runWebhookKind(kind, options, workRoot, stamp, log));
      else if (options.mode === 'audio') audioResults.push(await runAudioKind(kind, options, workRoot, stamp, log));
      else results.push(await runKind(kind, options, workRoot, stamp, log));
    }
  } finally {
    rmSync(workRoot, { recursive: true, force: true });
  }
  const meta = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      model: cpus()[0]?.model ?? 'unknown',
      loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
      node: process.version,
    },
    options,
    buildMs,
    aims: { voiceP99Ms: 250, throughputShareOfBaseline: 0.5 },
  };
  if (options.mode === 'audio') {
    log(`\n${audioTable(audioResults)}\n`);
    for (const verdict of delayVerdicts(audioResults)) log(verdict);
    for (const file of writeResults(audioResults, meta, 'audio')) log(`wrote ${path.relative(process.cwd(), file)}`);
    log(`\nTotal ${Math.round((Date.now() - began) / 1000)} s (build ${Math.round(buildMs / 1000)} s).`);
    return;
  }
  if (options.mode === 'webhooks') {
    log(`\n${webhookTable(webhookResults)}\n`);
    for (const r of webhookResults) for (const problem of r.consistency.problems) log(`  ${r.db}: ${problem}`);
    for (const file of writeResults(webhookResults, meta, 'webhooks'))
      log(`wrote ${path.relative(process.cwd(), file)}`);
    log(`\nTotal ${Math.round((Date.now() - began) / 1000)} s (build ${Math.round(buildMs / 1000)} s).`);
    if (webhookResults.some((r) => r.consistency.mismatches > 0)) process.exitCode = 1;
    return;
  }
  log(`\n${printTable(results)}\n`);
  for (const r of results) {
    const p99 = r.voiceWebhook.contest.latency.p99 ?? Infinity;
    const share = r.burst?.throughputRatio ?? r.voiceWebhook.throughputRatio ?? 0;
    log(
      `${r.db}: p99 ${p99} ms ${p99 < 250 ? 'meets' : 'misses'} the 250 ms aim; throughput x${share} of baseline ${share >= 0.5 ? 'meets' : 'misses'} the half aim; ${r.lost.lost} callers lost.`,
    );
    for (const problem of r.lost.problems) log(`  lost: ${problem}`);
  }
  for (const file of writeResults(results, meta, 'emulator')) log(`wrote ${path.relative(process.cwd(), file)}`);
  log(
    `\nMarkdown for the README:\n\n${markdownTable(results)}\n\nTotal ${Math.round((Date.now() - began) / 1000)} s (build ${Math.round(buildMs / 1000)} s).`,
  );
  if (results.some((r) => r.lost.lost > 0 || r.lost.sessionsWithoutCall > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
