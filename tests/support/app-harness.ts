import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator, type CallView, type Emulator } from '@/emulator';
import type { Actor } from '@/lib/auth/actor';
import { provisionTwilio, type ProvisionReport } from '@/lib/telephony/provision';
import { setTwilioRetryOptionsForTests } from '@/lib/telephony/twilio-client';
import * as conferenceStatus from '@/app/api/twilio/conference-status/route';
import * as device from '@/app/api/twilio/device/route';
import * as dialAction from '@/app/api/twilio/dial-action/route';
import * as status from '@/app/api/twilio/status/route';
import * as voice from '@/app/api/twilio/voice/route';
import { emulatorControl } from './emulator-control-client';
import { servePublicFile } from './public-files';
import { simulatedParties } from './simulated-parties';

type Handler = (request: Request) => Promise<Response>;
type RouteModule = { GET?: Handler; POST?: Handler };

const ROUTES: Record<string, RouteModule> = {
  '/api/twilio/voice': voice,
  '/api/twilio/device': device,
  '/api/twilio/dial-action': dialAction,
  '/api/twilio/status': status,
  '/api/twilio/conference-status': conferenceStatus,
};

export interface AppHarness {
  emulator: Emulator;
  appUrl: string;
  provisioned: ProvisionReport;
  /** Every webhook the app answered, in order. */
  served: { path: string; status: number }[];
  ring(from: string, to: string): Promise<string>;
  hangUp(callSid: string): Promise<void>;
  /** The browser's device.connect({ params }) for a staff member; answers the browser leg's CallSid. */
  connectBrowser(actor: Actor, params?: Record<string, string>): Promise<string>;
  call(callSid: string): CallView;
  control<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const method = req.method ?? 'GET';
  return new Request(new URL(req.url ?? '/', base), { method, headers, body: method === 'GET' ? undefined : Buffer.concat(chunks) });
}

/** A tiny HTTP server that hands /api/twilio/* to the app's exported route handlers, as Next would. */
async function startRouteServer(served: AppHarness['served']): Promise<{ server: Server; url: string }> {
  let base = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const handler = ROUTES[path]?.[(req.method ?? 'GET') as 'GET' | 'POST'];
      if (!handler) {
        if (await servePublicFile(req.method ?? 'GET', path, res)) served.push({ path, status: 200 });
        else res.writeHead(404).end();
        return;
      }
      const response = await handler(await toRequest(req, base));
      served.push({ path, status: response.status });
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
    })().catch((error: unknown) => {
      console.error('[harness]', error);
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url: base };
}

/**
 * The emulator (in-process, random port) plus the app's webhook routes on a test server, with the environment
 * pointing config at both (rehearsal mode), and the account provisioned.
 */
export async function startAppHarness(options: { numbers: string[] }): Promise<AppHarness> {
  const served: AppHarness['served'] = [];
  const { server, url: appUrl } = await startRouteServer(served);
  const emulator = await startEmulator({ port: 0, numbers: options.numbers, webhookTimeoutMs: 5000 });
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
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Polls until the check returns something truthy; fails with the last value seen. */
export async function eventually<T>(check: () => Promise<T | false | null | undefined> | T | false | null | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    last = await check();
    if (last) return last as T;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last saw ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}
