import type { AddressInfo } from 'node:net';
import { registerControlRoutes } from './control/control-routes';
import { callView, type CallView } from './control/call-view';
import { snapshot, type EmulatorState } from './control/snapshot';
import { createEngine, resetEngine } from './engine/create-engine';
import { createEmulatorServer } from './http/create-server';
import { Router } from './http/router';
import { emulatorOptionsSchema, type EmulatorOptionsInput } from './options';
import { registerApplicationRoutes } from './rest/applications';
import { registerCallRoutes } from './rest/calls';
import { registerConferenceRoutes } from './rest/conferences';
import { registerIncomingNumberRoutes } from './rest/incoming-numbers';
import { registerKeyRoutes } from './rest/keys';
import { registerParticipantRoutes } from './rest/participants';
import { sleep } from './sleep';

export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:3030 (no trailing slash). */
  url: string;
  accountSid: string;
  authToken: string;
  close(): Promise<void>;
  reset(): void;
  state(): EmulatorState;
  call(sid: string): CallView | null;
  /** Polls until the predicate returns a truthy value, which it resolves with. */
  waitFor<T>(predicate: (state: EmulatorState) => T | false | null | undefined, options?: { timeoutMs?: number; intervalMs?: number }): Promise<T>;
}

export async function startEmulator(input: EmulatorOptionsInput = {}): Promise<Emulator> {
  const options = emulatorOptionsSchema.parse(input);
  const { engine, faults } = createEngine(options);
  const rest = new Router();
  registerCallRoutes(rest, engine);
  registerConferenceRoutes(rest, engine);
  registerParticipantRoutes(rest, engine);
  registerIncomingNumberRoutes(rest, engine);
  registerApplicationRoutes(rest, engine);
  registerKeyRoutes(rest, engine);
  const control = new Router();
  registerControlRoutes(control, engine, faults);
  const server = createEmulatorServer(engine, faults, rest, control);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = options.baseUrl ?? `http://${options.host}:${port}`;

  return {
    url,
    accountSid: options.accountSid,
    authToken: options.authToken,
    close: async () => {
      resetEngine(engine, faults);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    reset: () => resetEngine(engine, faults),
    state: () => snapshot(engine, faults),
    call: (sid) => {
      const call = engine.store.calls.get(sid);
      return call ? callView(engine, call) : null;
    },
    waitFor: async (predicate, { timeoutMs = 5000, intervalMs = 10 } = {}) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const result = predicate(snapshot(engine, faults));
        if (result) return result;
        if (Date.now() > deadline) throw new Error(`emulator.waitFor timed out after ${timeoutMs} ms`);
        await sleep(intervalMs);
      }
    },
  };
}
