import type { ReconcileOptions, ReconcileReport } from '@/lib/calls/reconciler';

export interface Healer {
  reports: ReconcileReport[];
  stop(): Promise<void>;
}

/**
 * The reconciler loop at test speed: a pass every `intervalMs`, leaving sessions alone for `graceMs` after a
 * change (their move may still be under way). Takes the reconcile function so a restarted app brings its own.
 */
export function startHealer(
  reconcile: (options: ReconcileOptions) => Promise<ReconcileReport>,
  options: { intervalMs?: number; graceMs?: number } = {},
): Healer {
  const healer: Healer = { reports: [], stop: async () => undefined };
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        healer.reports.push(await reconcile({ graceMs: options.graceMs ?? 800, screenerGraceMs: 2000 }));
      } catch (error) {
        // Twilio trouble in one pass is retried by the next, as in the app's own loop.
        console.warn('[healer]', error instanceof Error ? error.message : error);
      }
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
    }
  })();
  healer.stop = async () => {
    running = false;
    await loop;
  };
  return healer;
}
