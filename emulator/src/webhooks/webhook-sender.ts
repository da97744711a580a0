import { randomUUID } from 'node:crypto';
import type { CallbackFaultKind, Faults } from '../faults';
import type { EmulatorOptions } from '../options';
import { sleep } from '../sleep';
import type { Store } from '../store';
import type { HttpMethod, WebhookKind, WebhookLogEntry } from '../types';
import { signWebhook, withQuery } from './signature';

export interface WebhookRequest {
  kind: WebhookKind;
  url: string;
  method: HttpMethod;
  params: Record<string, string>;
  callSid: string | null;
  conferenceSid?: string | null;
}

export interface WebhookAnswer {
  ok: boolean;
  status: number | null;
  contentType: string | null;
  body: string;
  error: string | null;
}

const BODY_LOG_LIMIT = 4000;

function faultKindOf(kind: WebhookKind): CallbackFaultKind {
  if (kind === 'status') return 'status';
  if (kind === 'conference') return 'conference';
  return 'voice';
}

/** Twilio's connection overrides (#rt read timeout, #tt total timeout, in ms) travel in the URL fragment. */
function timeoutFromFragment(url: string, fallbackMs: number): number {
  const hashAt = url.indexOf('#');
  if (hashAt < 0) return fallbackMs;
  const overrides = new URLSearchParams(url.slice(hashAt + 1));
  const total = Number(overrides.get('tt') ?? overrides.get('rt') ?? NaN);
  return Number.isFinite(total) && total > 0 ? Math.min(total, fallbackMs) : fallbackMs;
}

type FailureClass = 'ct' | 'rt' | '4xx' | '5xx';

/**
 * Twilio's connection overrides #rc (retry count, 0-5) and #rp (retry policy: ct, rt, 4xx, 5xx, all) from the URL
 * fragment. Without them Twilio retries a failed connection once (FACTS.md: connect 5 s, one retry).
 */
export function retryPolicyFromFragment(url: string): { count: number; on: ReadonlySet<string> } {
  const hashAt = url.indexOf('#');
  const overrides = new URLSearchParams(hashAt < 0 ? '' : url.slice(hashAt + 1));
  const count = Number(overrides.get('rc') ?? 1);
  const on = new Set((overrides.get('rp') ?? 'ct').split(',').map((p) => p.trim()));
  return { count: Number.isInteger(count) ? Math.max(0, Math.min(5, count)) : 1, on };
}

function failureClass(answer: WebhookAnswer): FailureClass | null {
  if (answer.ok) return null;
  if (answer.status !== null) return answer.status >= 500 ? '5xx' : answer.status >= 400 ? '4xx' : null;
  return answer.error?.startsWith('no answer within') ? 'rt' : 'ct';
}

export class WebhookSender {
  private nextTarget = 0;

  constructor(
    private readonly options: EmulatorOptions,
    private readonly faults: Faults,
    private readonly getStore: () => Store,
  ) {}

  /** Sends a request whose answer matters (voice, action, wait...). Faults may delay, duplicate or drop it. */
  async request(req: WebhookRequest): Promise<WebhookAnswer> {
    const plan = this.faults.planCallback(faultKindOf(req.kind));
    const token = randomUUID();
    if (plan.drop) return this.record(req, 'drop', null).answer;
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    const sends = Array.from({ length: plan.copies }, () => this.sendWithRetries(req, token, plan.label));
    const [first] = await Promise.all(sends);
    return first ?? { ok: false, status: null, contentType: null, body: '', error: 'not sent' };
  }

  /** Fire-and-forget callbacks (status, conference events): at-least-once, unordered under faults. */
  notify(req: WebhookRequest): void {
    void this.request(req);
  }

  private targetUrl(url: string): string {
    const targets = this.options.webhookTargets;
    const target = targets[this.nextTarget % Math.max(1, targets.length)];
    if (!target) return url;
    this.nextTarget += 1;
    const original = new URL(url);
    const rewritten = new URL(target);
    rewritten.pathname = original.pathname;
    rewritten.search = original.search;
    return rewritten.toString();
  }

  private record(req: WebhookRequest, fault: string | null, signature: string | null) {
    const entry: WebhookLogEntry = {
      id: this.getStore().nextWebhookId++,
      kind: req.kind,
      callSid: req.callSid,
      conferenceSid: req.conferenceSid ?? null,
      method: req.method,
      url: req.url,
      target: req.url,
      params: req.params,
      signature: signature ?? '',
      sentAt: Date.now(),
      latencyMs: null,
      status: null,
      contentType: null,
      body: null,
      error: fault === 'drop' ? 'dropped by fault injection' : null,
      fault,
    };
    this.getStore().webhooks.push(entry);
    const answer: WebhookAnswer = { ok: false, status: null, contentType: null, body: '', error: entry.error };
    return { entry, answer };
  }

  private async sendWithRetries(req: WebhookRequest, token: string, fault: string | null): Promise<WebhookAnswer> {
    const policy = retryPolicyFromFragment(req.url);
    let answer = await this.send(req, token, fault);
    for (let retry = 0; retry < policy.count; retry += 1) {
      const failure = failureClass(answer);
      if (!failure || !(policy.on.has(failure) || policy.on.has('all'))) break;
      answer = await this.send(req, token, fault);
    }
    return answer;
  }

  private async send(req: WebhookRequest, token: string, fault: string | null): Promise<WebhookAnswer> {
    const signedUrl = req.method === 'GET' ? withQuery(req.url, req.params) : req.url;
    const signature = signWebhook(this.options.authToken, signedUrl, req.method === 'GET' ? {} : req.params);
    const { entry } = this.record(req, fault, signature);
    const fetchUrl = this.targetUrl(signedUrl.split('#')[0] ?? signedUrl);
    entry.target = fetchUrl;
    const started = performance.now();
    try {
      const response = await fetch(fetchUrl, {
        method: req.method,
        headers: {
          'X-Twilio-Signature': signature,
          'I-Twilio-Idempotency-Token': token,
          'User-Agent': 'TwilioProxy/1.1',
          ...(req.method === 'POST' ? { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}),
        },
        body: req.method === 'POST' ? new URLSearchParams(req.params).toString() : undefined,
        signal: AbortSignal.timeout(timeoutFromFragment(req.url, this.options.webhookTimeoutMs)),
        redirect: 'follow',
      });
      const body = await response.text();
      entry.status = response.status;
      entry.contentType = response.headers.get('content-type');
      entry.body = body.slice(0, BODY_LOG_LIMIT);
      entry.latencyMs = Math.round(performance.now() - started);
      return { ok: response.ok, status: response.status, contentType: entry.contentType, body, error: null };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      entry.error = timedOut ? `no answer within ${this.options.webhookTimeoutMs} ms` : String(error);
      entry.latencyMs = Math.round(performance.now() - started);
      return { ok: false, status: null, contentType: null, body: '', error: entry.error };
    }
  }
}
