import 'server-only';
import { listShowsForProvisioning } from '@/lib/db/episodes';
import { twilioConfig } from '@/lib/telephony/config';
import { provisionTwilio } from '@/lib/telephony/provision';
import { settings } from '@/lib/env';
import { logProblem } from '@/lib/log';
import { hasWorkToReconcile, reconcileOnce } from './reconciler';

const state = globalThis as unknown as {
  switchboardReconciler?: { timer: NodeJS.Timeout; provisionedFor: string | null; lastError: string | null };
};

function warnOnce(loop: NonNullable<typeof state.switchboardReconciler>, message: string): void {
  if (loop.lastError === message) return;
  loop.lastError = message;
  logProblem('warn', 'reconciler', message);
}

/** Rehearsal points the emulator at this app by itself, again whenever the set of show numbers changes. */
async function provisionRehearsal(loop: NonNullable<typeof state.switchboardReconciler>): Promise<void> {
  if (!twilioConfig().rehearsal) return;
  const numbers = (await listShowsForProvisioning()).map((s) => s.phoneNumber).join(',');
  if (loop.provisionedFor === numbers) return;
  const report = await provisionTwilio();
  loop.provisionedFor = numbers;
  for (const change of report.changes) console.log(`[rehearsal] ${change.action} ${change.resource}: ${change.detail}`);
  for (const problem of report.problems) logProblem('warn', 'rehearsal', problem);
}

async function tick(loop: NonNullable<typeof state.switchboardReconciler>, quiet: boolean): Promise<void> {
  try {
    await provisionRehearsal(loop);
    if (await hasWorkToReconcile()) await reconcileOnce();
    loop.lastError = null;
  } catch (error) {
    if (!quiet) warnOnce(loop, error instanceof Error ? error.message : String(error));
  }
}

/**
 * Starts, once per process, the timer that keeps the database and Twilio in agreement while lines are open
 * (at start, then every RECONCILE_INTERVAL_MS, default 3 s). In rehearsal mode it also provisions the emulator.
 */
export function startReconcilerLoop(): void {
  if (state.switchboardReconciler) return;
  const intervalMs = settings().RECONCILE_INTERVAL_MS;
  let inFlight = false;
  const loop = {
    timer: undefined as unknown as NodeJS.Timeout,
    provisionedFor: null as string | null,
    lastError: null as string | null,
  };
  const run = (quiet: boolean) => {
    if (inFlight) return;
    inFlight = true;
    void tick(loop, quiet).finally(() => {
      inFlight = false;
    });
  };
  loop.timer = setInterval(() => run(false), intervalMs);
  loop.timer.unref();
  state.switchboardReconciler = loop;
  // At once, not an interval later: after a crash, callers whose move died with the old process are put right now.
  // Quietly, since Twilio may not answer yet (in rehearsal the emulator starts beside the app); the timer retries.
  run(true);
}
