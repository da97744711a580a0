import type { EmulatorCall, EmulatorClient, WebhookEntry } from './emulator-client';
import { summarize, type LatencySummary } from './stats';

export interface Spike {
  name: string;
  sids: string[];
  froms: string[];
  startedAt: number;
  rangAt: number;
  settledAt: number;
}

const TERMINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/** Rings `count` simulated callers, spread evenly over `spreadMs` (0: all at once), from numbers unique to the phase. */
export async function ringSpike(
  emulator: EmulatorClient,
  name: string,
  showNumber: string,
  areaCode: number,
  count: number,
  spreadMs: number,
): Promise<Spike> {
  const froms = Array.from({ length: count }, (_, i) => `+1${areaCode}${String(i).padStart(7, '0')}`);
  const startedAt = Date.now();
  const rings = froms.map(async (from, i) => {
    const due = startedAt + (count > 1 ? (i * spreadMs) / (count - 1) : 0);
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return (await emulator.ring(from, showNumber)).sid;
  });
  const sids = await Promise.all(rings);
  return { name, sids, froms, startedAt, rangAt: Date.now(), settledAt: 0 };
}

/** Waits until every call of the spike has ended in the emulator, except those `keep` says stay (a winner on hold). */
export async function waitForEnded(
  emulator: EmulatorClient,
  spike: Spike,
  keep: (call: EmulatorCall) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const live = await emulator.liveSids();
    const pending = spike.sids.filter((sid) => live.has(sid));
    // Only a few calls can be left for the per-call check (a winner in its hold room, warm-up callers queued).
    if (pending.length <= 25) {
      const calls = await Promise.all(pending.map((sid) => emulator.call(sid)));
      if (calls.every((call) => TERMINAL.has(call.status) || keep(call))) break;
    }
    if (Date.now() > deadline) {
      // Reported, not fatal: the lost-caller check at the end names every call that did not end as it should.
      console.warn(
        `  ${spike.name}: ${pending.length} calls still live after ${timeoutMs} ms: ${pending.slice(0, 5).join(', ')}`,
      );
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  spike.settledAt = Date.now();
}

export interface WebhookStats {
  latency: LatencySummary;
  errors: number;
  /** Answered webhooks per second, from the first one sent to the last one answered. */
  throughputPerSecond: number | null;
}

export function webhookStats(webhooks: WebhookEntry[], sids: ReadonlySet<string>, kind: string): WebhookStats {
  const entries = webhooks.filter((w) => w.kind === kind && w.callSid !== null && sids.has(w.callSid));
  const answered = entries.filter((w) => w.latencyMs !== null);
  const errors = entries.filter((w) => w.error !== null || w.status === null || w.status >= 400).length;
  const first = Math.min(...entries.map((w) => w.sentAt));
  const last = Math.max(...answered.map((w) => w.sentAt + (w.latencyMs ?? 0)));
  const seconds = (last - first) / 1000;
  return {
    latency: summarize(answered.map((w) => w.latencyMs ?? 0)),
    errors,
    throughputPerSecond: answered.length > 0 && seconds > 0 ? Math.round((answered.length / seconds) * 10) / 10 : null,
  };
}
