import { startEmulator, type CallView, type Emulator } from '@/emulator';
import type { Actor } from '@/lib/auth/actor';
import { provisionTwilio, type ProvisionReport } from '@/lib/telephony/provision';
import { setTwilioRetryOptionsForTests } from '@/lib/telephony/twilio-client';
import { emulatorControl } from './emulator-control-client';
import { startRouteServer, type ServedRequest } from './route-server';
import { simulatedParties } from './simulated-parties';
import { TWILIO_ROUTES } from './twilio-routes';

export interface AppHarness {
  emulator: Emulator;
  appUrl: string;
  provisioned: ProvisionReport;
  /** Every webhook the app answered, in order. */
  served: ServedRequest[];
  ring(from: string, to: string): Promise<string>;
  hangUp(callSid: string): Promise<void>;
  /** The browser's device.connect({ params }) for a staff member; answers the browser leg's CallSid. */
  connectBrowser(actor: Actor, params?: Record<string, string>): Promise<string>;
  call(callSid: string): CallView;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

/**
 * The emulator (in-process, random port) plus the app's webhook routes on a test server, with the environment
 * pointing config at both (rehearsal mode), and the account provisioned.
 */
export async function startAppHarness(options: { numbers: string[]; timeScale?: number }): Promise<AppHarness> {
  const server = await startRouteServer(TWILIO_ROUTES);
  const { served, url: appUrl } = server;
  const emulator = await startEmulator({
    port: 0,
    numbers: options.numbers,
    webhookTimeoutMs: 5000,
    ...(options.timeScale ? { timeScale: options.timeScale } : {}),
  });
  delete process.env.TWILIO_ACCOUNT_SID;
  delete process.env.TWILIO_API_BASE_URL;
  process.env.EMULATOR_URL = emulator.url;
  process.env.PUBLIC_BASE_URL = appUrl;
  setTwilioRetryOptionsForTests({ baseDelayMs: 20, maxDelayMs: 200 });
  const provisioned = await provisionTwilio();

  const control = emulatorControl(emulator.url);

  return {
    emulator,
    appUrl,
    provisioned,
    served,
    control,
    ...simulatedParties(control),
    call: (callSid) => {
      const view = emulator.call(callSid);
      if (!view) throw new Error(`the emulator has no call ${callSid}`);
      return view;
    },
    close: async () => {
      await emulator.close();
      await server.close();
    },
  };
}
