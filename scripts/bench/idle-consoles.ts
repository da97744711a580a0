import { HELD_POLL_MAX_SECONDS, preferWaitHeader, waitWasApplied } from '@/lib/consoles/held-poll';
import type { AppUser } from './app-client';
import { cpuMs } from './memory';
import { shotStats, type ShotStats } from './open-loop';

/**
 * How consoles poll when nothing changes, as their SWR hook does (components/console/use-console-view.ts): a
 * visible console's poll is held by the server (Prefer: wait) and asked again at once when it runs out; a hidden
 * tab's is a plain conditional poll every second.
 */
export type ConsolePollMode = 'visible' | 'hidden';

export interface IdleConsoles {
  mode: ConsolePollMode;
  consoles: number;
  seconds: number;
  polls: number;
  share304: number | null;
  /** Of one core: the app's CPU time over the window divided by the window. */
  appCpuShare: number;
  statementsPer304: number | null;
  statementsPerSecond: number;
  /** How long each poll took to answer (for a visible console: how long it was held). */
  latency: ShotStats['latency'];
}

const HIDDEN_POLL_MS = 1000;

/**
 * `count` consoles that have their view (and ETag) poll for about `seconds` while nothing changes. The window
 * runs from before the first of these polls to after the last has answered, so every statement and every CPU
 * millisecond in it belongs to a poll that is counted.
 */
export async function measureIdleConsoles(input: {
  appUrl: string;
  appPid: number;
  showId: string;
  users: AppUser[];
  count: number;
  seconds: number;
  mode: ConsolePollMode;
}): Promise<IdleConsoles> {
  const { appUrl, count, users, mode } = input;
  const statements = async () =>
    ((await (await fetch(`${appUrl}/api/health`)).json()) as { statements?: number }).statements ?? 0;
  const url = `${appUrl}/api/shows/${input.showId}/console`;
  const etags: (string | null)[] = [];
  // Each console's first poll gets the view and its ETag, as when a console opens.
  for (let i = 0; i < count; i++) {
    const response = await fetch(url, { headers: users[i % users.length]?.headers });
    await response.arrayBuffer();
    etags.push(response.headers.get('etag'));
  }
  const polls: { status: number; latencyMs: number; held: boolean }[] = [];
  const statementsBefore = await statements();
  const cpuBefore = cpuMs(input.appPid);
  const began = performance.now();
  const endAt = began + input.seconds * 1000;
  await Promise.all(
    etags.map(async (etag, i) => {
      await new Promise((resolve) => setTimeout(resolve, Math.round((i / count) * HIDDEN_POLL_MS)));
      while (performance.now() < endAt) {
        const started = performance.now();
        const response = await fetch(url, {
          headers: {
            ...users[i % users.length]?.headers,
            ...(etag ? { 'if-none-match': etag } : {}),
            ...(mode === 'visible' ? { prefer: preferWaitHeader(HELD_POLL_MAX_SECONDS) } : {}),
          },
        });
        await response.arrayBuffer();
        const held = waitWasApplied(response.headers.get('preference-applied'));
        polls.push({ status: response.status, latencyMs: performance.now() - started, held });
        const wait = mode === 'visible' && held ? 0 : HIDDEN_POLL_MS - (performance.now() - started);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  const cpu = cpuMs(input.appPid) - cpuBefore;
  // The health check that reads the counter is one statement itself.
  const sent = (await statements()) - statementsBefore - 1;
  const n304 = polls.filter((p) => p.status === 304).length;
  return {
    mode,
    consoles: count,
    seconds: Math.round(seconds),
    polls: polls.length,
    share304: polls.length ? Math.round((n304 / polls.length) * 1000) / 1000 : null,
    appCpuShare: Math.round((cpu / (seconds * 1000)) * 1000) / 1000,
    statementsPer304: n304 ? Math.round((sent / n304) * 100) / 100 : null,
    statementsPerSecond: Math.round((sent / seconds) * 100) / 100,
    latency: shotStats(
      polls.map((p) => ({
        webhook: { url, params: {} },
        scheduledMs: 0,
        latencyMs: p.latencyMs,
        status: p.status === 304 ? 200 : p.status,
        body: '',
      })),
    ).latency,
  };
}
