import { z } from 'zod';
import { seededRandom } from './prng';

const probability = z.number().min(0).max(1);

export const faultsSchema = z.strictObject({
  seed: z.number().int().optional(),
  callbacks: z
    .strictObject({
      kinds: z
        .array(z.enum(['status', 'conference', 'voice']))
        .min(1)
        .default(['status', 'conference']),
      delayMs: z.number().int().min(0).max(600_000).default(0),
      delayProbability: probability.default(1),
      duplicateProbability: probability.default(0),
      reorderWindowMs: z.number().int().min(0).max(600_000).default(0),
      dropProbability: probability.default(0),
    })
    .optional(),
  rest: z
    .strictObject({
      status: z.union([z.literal(429), z.literal(500)]).default(429),
      count: z.number().int().min(0).optional(),
      probability: probability.optional(),
      delayMs: z.number().int().min(0).max(600_000).default(0),
      methods: z.array(z.enum(['GET', 'POST', 'DELETE'])).optional(),
      pathContains: z.string().optional(),
    })
    .optional(),
});

export type FaultConfig = z.output<typeof faultsSchema>;
export type CallbackFaultKind = 'status' | 'conference' | 'voice';

export interface CallbackPlan {
  drop: boolean;
  delayMs: number;
  copies: number;
  label: string | null;
}

export interface RestPlan {
  delayMs: number;
  failWith: 429 | 500 | null;
}

const NO_CALLBACK_FAULT: CallbackPlan = { drop: false, delayMs: 0, copies: 1, label: null };

/** Decides, from a seeded PRNG, which callbacks and REST answers misbehave. Off until configured. */
export class Faults {
  private config: FaultConfig = {};
  private random: () => number;
  private restFailuresLeft = 0;

  constructor(private readonly defaultSeed: number) {
    this.random = seededRandom(defaultSeed);
  }

  configure(config: FaultConfig): void {
    this.config = config;
    this.random = seededRandom(config.seed ?? this.defaultSeed);
    this.restFailuresLeft = config.rest?.count ?? 0;
  }

  clear(): void {
    this.configure({});
  }

  current(): FaultConfig & { restFailuresLeft: number } {
    return { ...this.config, restFailuresLeft: this.restFailuresLeft };
  }

  planCallback(kind: CallbackFaultKind): CallbackPlan {
    const c = this.config.callbacks;
    if (!c || !c.kinds.includes(kind)) return NO_CALLBACK_FAULT;
    const labels: string[] = [];
    const drop = c.dropProbability > 0 && this.random() < c.dropProbability;
    if (drop) return { drop, delayMs: 0, copies: 0, label: 'drop' };
    let delayMs = 0;
    if (c.delayMs > 0 && this.random() < c.delayProbability) {
      delayMs += c.delayMs;
      labels.push('delay');
    }
    if (c.reorderWindowMs > 0) {
      delayMs += Math.floor(this.random() * c.reorderWindowMs);
      labels.push('reorder');
    }
    const copies = c.duplicateProbability > 0 && this.random() < c.duplicateProbability ? 2 : 1;
    if (copies > 1) labels.push('duplicate');
    return { drop, delayMs, copies, label: labels.length ? labels.join('+') : null };
  }

  planRest(method: string, path: string): RestPlan {
    const r = this.config.rest;
    if (!r) return { delayMs: 0, failWith: null };
    const applies =
      (!r.methods || r.methods.includes(method as 'GET')) && (!r.pathContains || path.includes(r.pathContains));
    if (!applies) return { delayMs: 0, failWith: null };
    let failWith: 429 | 500 | null = null;
    if (this.restFailuresLeft > 0) {
      this.restFailuresLeft -= 1;
      failWith = r.status;
    } else if (r.probability !== undefined && this.random() < r.probability) failWith = r.status;
    return { delayMs: r.delayMs, failWith };
  }
}
