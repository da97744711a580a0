import { Faults } from '../faults';
import type { EmulatorOptions } from '../options';
import { Store } from '../store';
import { WebhookSender } from '../webhooks/webhook-sender';
import type { Engine } from './context';

/** Nothing provisioned: the emulator's numbers wait to be bought through IncomingPhoneNumbers create. */
export function freshStore(): Store {
  return new Store();
}

export function createEngine(options: EmulatorOptions): { engine: Engine; faults: Faults } {
  const faults = new Faults(options.faultSeed);
  let store = freshStore();
  const engine: Engine = {
    options,
    get store() {
      return store;
    },
    set store(next: Store) {
      store = next;
    },
    webhooks: new WebhookSender(options, faults, () => store),
    runs: new Map(),
    backgroundRuns: new Map(),
    leaveWaiters: new Map(),
    dialActions: new Map(),
    dialTimers: new Map(),
    pendingAnswers: new Map(),
    outboundQueue: { nextSlot: 0 },
    scaled: (realMs) => Math.round(realMs * options.timeScale),
    hooks: { callStatus: new Set(), clientRinging: new Set() },
  };
  return { engine, faults };
}

/** Stops every running call activity and forgets all state, keeping configuration. */
export function resetEngine(engine: Engine, faults: Faults): void {
  for (const controller of engine.runs.values()) controller.abort();
  for (const run of engine.backgroundRuns.values()) run.controller.abort();
  for (const timer of engine.dialTimers.values()) clearTimeout(timer);
  engine.runs.clear();
  engine.backgroundRuns.clear();
  engine.dialTimers.clear();
  engine.leaveWaiters.clear();
  engine.dialActions.clear();
  engine.pendingAnswers.clear();
  engine.outboundQueue.nextSlot = 0;
  faults.clear();
  engine.store = freshStore();
}
