import twilio from 'twilio';
import { summarize, type LatencySummary } from './stats';

/** A Twilio voice webhook, signed as Twilio signs it (URL + sorted form parameters, HMAC-SHA1 of the auth token). */
export interface Webhook {
  url: string;
  params: Record<string, string>;
}

export interface Shot {
  webhook: Webhook;
  /** When the request was due, relative to the run's start (ms). Latency counts from here, not from sending. */
  scheduledMs: number;
  latencyMs: number;
  status: number;
  body: string;
}

export interface ShotStats {
  count: number;
  errors: number;
  timeouts: number;
  latency: LatencySummary;
  overTenSeconds: number;
  /** Answers per second, from the first due time to the last answer. */
  servedPerSecond: number | null;
}

const TWILIO_TIMEOUT_MS = 15_000;

export async function sendSigned(webhook: Webhook, authToken: string): Promise<{ status: number; body: string }> {
  const signature = twilio.getExpectedTwilioSignature(authToken, webhook.url, webhook.params);
  const response = await fetch(webhook.url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(webhook.params),
    signal: AbortSignal.timeout(TWILIO_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.text() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Open loop: request i is due at i / ratePerSecond whatever happened to the others (a burst: all at once), as
 * Twilio sends webhooks when calls ring, not when the app is ready. Latency is measured from the due time, so a
 * client that falls behind its schedule counts against the server, never hides its queueing.
 */
export async function fireOpenLoop(
  webhooks: Webhook[],
  ratePerSecond: number | 'burst',
  authToken: string,
): Promise<Shot[]> {
  const start = performance.now() + 20;
  const interval = ratePerSecond === 'burst' ? 0 : 1000 / ratePerSecond;
  const shots: Promise<Shot>[] = [];
  for (const [i, webhook] of webhooks.entries()) {
    const scheduled = start + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await sleep(wait);
    shots.push(
      sendSigned(webhook, authToken).then(
        ({ status, body }) => ({
          webhook,
          scheduledMs: scheduled - start,
          latencyMs: performance.now() - scheduled,
          status,
          body,
        }),
        (error: unknown) => ({
          webhook,
          scheduledMs: scheduled - start,
          latencyMs: performance.now() - scheduled,
          status: error instanceof Error && error.name === 'TimeoutError' ? -1 : 0,
          body: '',
        }),
      ),
    );
  }
  return Promise.all(shots);
}

export function shotStats(shots: Shot[]): ShotStats {
  const answered = shots.filter((s) => s.status === 200);
  const lastAnswer = Math.max(0, ...shots.map((s) => s.scheduledMs + s.latencyMs));
  return {
    count: shots.length,
    errors: shots.filter((s) => s.status !== 200).length,
    timeouts: shots.filter((s) => s.status === -1).length,
    latency: summarize(shots.map((s) => Math.round(s.latencyMs))),
    overTenSeconds: shots.filter((s) => s.latencyMs > 10_000).length,
    servedPerSecond: lastAnswer > 0 ? Math.round((answered.length / (lastAnswer / 1000)) * 10) / 10 : null,
  };
}
