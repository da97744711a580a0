import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KindResult } from './run-kind';
import type { LatencySummary } from './stats';

const ms = (value: number | null) => (value === null ? '-' : `${value}`);
const lat = (s: LatencySummary) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)}`;

/** The rows of the results table, one column per database kind; the same rows go in the README. */
export function tableRows(results: KindResult[]): [string, ...string[]][] {
  const row = (label: string, value: (r: KindResult) => string): [string, ...string[]] => [
    label,
    ...results.map(value),
  ];
  return [
    row('voice webhook p50/p95/p99/max ms (contest spike)', (r) => lat(r.voiceWebhook.contest.latency)),
    row('voice webhook errors', (r) => `${r.voiceWebhook.contest.errors} of ${r.voiceWebhook.contest.latency.count}`),
    row('baseline route p50/p95/p99/max ms (same spike)', (r) => lat(r.voiceWebhook.baseline.latency)),
    row(
      'throughput webhooks/s: door vs baseline (spike)',
      (r) =>
        `${ms(r.voiceWebhook.contest.throughputPerSecond)} vs ${ms(r.voiceWebhook.baseline.throughputPerSecond)} (x${ms(r.voiceWebhook.throughputRatio)})`,
    ),
    row('p99 latency ratio door/baseline (spike)', (r) => `x${ms(r.voiceWebhook.p99Ratio)}`),
    row('burst capacity webhooks/s: door vs baseline', (r) =>
      r.burst
        ? `${ms(r.burst.contest.throughputPerSecond)} vs ${ms(r.burst.baseline.throughputPerSecond)} (x${ms(r.burst.throughputRatio)})`
        : 'skipped',
    ),
    row('burst p99 ms: door vs baseline', (r) =>
      r.burst ? `${ms(r.burst.contest.latency.p99)} vs ${ms(r.burst.baseline.latency.p99)}` : 'skipped',
    ),
    row(
      'status callback p50/p95/p99/max ms',
      (r) => `${lat(r.statusCallback.latency)} (${r.statusCallback.errors} errors)`,
    ),
    row('board poll p50/p95/p99/max ms (during spike)', (r) => lat(r.boardPoll.duringContestSpike.latency)),
    row(
      'board polls answered 304 (during spike / whole run)',
      (r) =>
        `${pct(r.boardPoll.duringContestSpike.share304)} / ${pct(r.boardPoll.whole.share304)} of ${r.boardPoll.whole.polls}, ${r.boardPoll.whole.errors} errors`,
    ),
    row(
      'air command -> host and caller hear each other ms',
      (r) => `${r.air.airToHearMs} (command answered in ${r.air.commandMs})`,
    ),
    row(
      'callers lost',
      (r) =>
        `${r.lost.lost} of ${r.lost.checked}${r.lost.sessionsWithoutCall ? `, ${r.lost.sessionsWithoutCall} stray sessions` : ''}`,
    ),
    row('released callers who never heard the message', (r) => `${r.releasedWithoutMessage}`),
    row('app peak RSS MB (sum of tree / max VmHWM)', (r) => `${r.memory.peakRssMb} / ${r.memory.peakHwmMb}`),
    row(
      'load average before -> after (2 cores)',
      (r) => `${r.conditions.loadAverageBefore[0]} -> ${r.conditions.loadAverageAfter[0]}`,
    ),
    row('run time s', (r) => `${Math.round(r.durationMs / 1000)}`),
  ];
}

function pct(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 100)}%`;
}

export function printTable(results: KindResult[]): string {
  const rows: string[][] = [['', ...results.map((r) => r.db)], ...tableRows(results)];
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  const lines = rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col] ?? 0)).join(' | '));
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'));
  return lines.join('\n');
}

export function markdownTable(results: KindResult[]): string {
  const header = `| | ${results.map((r) => r.db).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|`;
  return [header, ...tableRows(results).map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** bench/results/<date>-<mode>-<db>.json for each kind, and latest-<mode>.json with the whole run. */
export function writeResults(results: { db: string }[], meta: Record<string, unknown>, mode: string): string[] {
  const dir = path.resolve('bench/results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const written: string[] = [];
  for (const result of results) {
    const file = path.join(dir, `${date}-${mode}-${result.db}.json`);
    writeFileSync(file, `${JSON.stringify({ ...meta, result }, null, 2)}\n`);
    written.push(file);
  }
  const latest = path.join(dir, `latest-${mode}.json`);
  writeFileSync(latest, `${JSON.stringify({ ...meta, results }, null, 2)}\n`);
  written.push(latest);
  return written;
}
