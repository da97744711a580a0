import type { AppUser } from './app-client';

export interface BoardPoll {
  at: number;
  latencyMs: number;
  status: number;
}

export interface Consoles {
  polls: BoardPoll[];
  stop(): Promise<void>;
}

/**
 * Console screens polling the consoles' endpoint every second with If-None-Match, as a hidden tab's hook does: the
 * heaviest way a console polls (a visible one's poll is held until something changes, scripts/bench/idle-consoles.ts).
 */
export function startConsoles(appUrl: string, showId: string, users: AppUser[], count: number): Consoles {
  const polls: BoardPoll[] = [];
  let running = true;
  const loops = Array.from({ length: count }, async (_, i) => {
    const user = users[i % users.length];
    if (!user) return;
    let etag: string | null = null;
    await new Promise((resolve) => setTimeout(resolve, Math.round((i / Math.max(1, count)) * 1000)));
    while (running) {
      const started = performance.now();
      const at = Date.now();
      try {
        const response: Response = await fetch(`${appUrl}/api/shows/${showId}/console`, {
          headers: { ...user.headers, ...(etag ? { 'if-none-match': etag } : {}) },
          signal: AbortSignal.timeout(15_000),
        });
        await response.arrayBuffer();
        if (response.status === 200) etag = response.headers.get('etag');
        polls.push({ at, latencyMs: performance.now() - started, status: response.status });
      } catch {
        polls.push({ at, latencyMs: performance.now() - started, status: 0 });
      }
      const wait = 1000 - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  });
  return {
    polls,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}
