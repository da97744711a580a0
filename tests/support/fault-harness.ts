import { startEmulator, type CallView, type Emulator } from '@/emulator';
import type { Actor } from '@/lib/auth/actor';
import { provisionTwilio } from '@/lib/telephony/provision';
import { setTwilioRetryOptionsForTests } from '@/lib/telephony/twilio-client';
import { startRouteServer, type RouteEntries, type RouteServer, type ServedRequest } from './route-server';
import { emulatorControl } from './emulator-control-client';
import { simulatedParties } from './simulated-parties';

/** The emulator's fault configuration (POST /_emulator/faults), as its README documents it. */
export interface FaultConfig {
  seed?: number;
  callbacks?: {
    kinds?: ('status' | 'conference' | 'voice')[];
    delayMs?: number;
    delayProbability?: number;
    duplicateProbability?: number;
    reorderWindowMs?: number;
    dropProbability?: number;
  };
  rest?: {
    status?: 429 | 500;
    count?: number;
    probability?: number;
    delayMs?: number;
    methods?: ('GET' | 'POST' | 'DELETE')[];
    pathContains?: string;
  };
}

export interface FaultHarnessOptions {
  numbers: string[];
  routes: RouteEntries;
  /** How long the emulator waits for any webhook answer: Twilio's 15 s, scaled down so tests can exceed it. */
  webhookTimeoutMs?: number;
  faultSeed?: number;
}

export interface FaultHarness {
  emulator: Emulator;
  appUrl: string;
  /** Every request the app answered since it (re)started. */
  served(): ServedRequest[];
  ring(from: string, to: string): Promise<string>;
  hangUp(callSid: string): Promise<void>;
  connectBrowser(actor: Actor, params?: Record<string, string>): Promise<string>;
  call(callSid: string): CallView;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  faults(config: FaultConfig): Promise<void>;
  clearFaults(): Promise<void>;
  delayAppResponses(ms: number, pathContains?: string): void;
  /** The app's routes whose path contains this answer `status` (0 = stop); static files still answer. */
  failAppResponses(status: number, pathContains: string): void;
  /** The app process dies: its server stops answering at once (Twilio's requests fail meanwhile). */
  stopApp(): Promise<void>;
  /** A new app process comes up on the same address with the route modules it is given. */
  startApp(routes: RouteEntries): Promise<void>;
  close(): Promise<void>;
}

/**
 * The emulator (in-process, seeded faults, a shortened webhook budget) and the app's webhook routes on a test
 * server that can be slowed, stopped and started again on the same port, with the account provisioned.
 */
export async function startFaultHarness(options: FaultHarnessOptions): Promise<FaultHarness> {
  let app: RouteServer | null = await startRouteServer(options.routes);
  const appUrl = app.url;
  const port = app.port;
  const emulator = await startEmulator({
    port: 0,
    numbers: options.numbers,
    webhookTimeoutMs: options.webhookTimeoutMs ?? 5000,
    faultSeed: options.faultSeed ?? 7,
  });
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_API_BASE_URL;
  process.env.EMULATOR_URL = emulator.url;
  process.env.PUBLIC_BASE_URL = appUrl;
  setTwilioRetryOptionsForTests({ baseDelayMs: 20, maxDelayMs: 200 });
  await provisionTwilio();

  const control = emulatorControl(emulator.url);

  return {
    emulator,
    appUrl,
    served: () => app?.served ?? [],
    control,
    ...simulatedParties(control),
    call: (callSid) => {
      const view = emulator.call(callSid);
      if (!view) throw new Error(`the emulator has no call ${callSid}`);
      return view;
    },
    faults: async (config) => {
      await control('POST', '/_emulator/faults', { seed: options.faultSeed ?? 7, ...config });
    },
    clearFaults: async () => {
      await control('DELETE', '/_emulator/faults');
    },
    delayAppResponses: (ms, pathContains) => app?.delayResponses(ms, pathContains),
    failAppResponses: (status, pathContains) => app?.failResponses(status, pathContains),
    stopApp: async () => {
      await app?.close();
      app = null;
    },
    startApp: async (routes) => {
      app = await startRouteServer(routes, { port });
    },
    close: async () => {
      await emulator.close();
      await app?.close();
    },
  };
}
