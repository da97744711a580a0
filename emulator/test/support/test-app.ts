import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The URL Twilio signed: the app's own public URL plus the query string. */
  url: string;
  params: Record<string, string>;
  signature: string;
  signatureValid: boolean;
  idempotencyToken: string;
  at: number;
}

export type Answer = string | { status?: number; body?: string | Buffer; contentType?: string; delayMs?: number };
export type Route = (req: RecordedRequest) => Answer;

export interface TestApp {
  url: string;
  requests: RecordedRequest[];
  /** Sets what a path answers; unknown paths answer an empty <Response/>. */
  route(path: string, answer: Answer | Route): void;
  requestsTo(path: string): RecordedRequest[];
  close(): Promise<void>;
}

/** A tiny stand-in for the Next.js app: answers TwiML per path and records every webhook it gets. */
export async function startTestApp(authToken: string): Promise<TestApp> {
  const routes = new Map<string, Route>();
  const requests: RecordedRequest[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const parsedUrl = new URL(req.url ?? '/', base);
      const params = Object.fromEntries(new URLSearchParams(req.method === 'POST' ? raw : parsedUrl.search));
      const url = `${base}${req.url ?? '/'}`;
      const signature = String(req.headers['x-twilio-signature'] ?? '');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: parsedUrl.pathname,
        url,
        params,
        signature,
        signatureValid: twilio.validateRequest(authToken, signature, url, req.method === 'POST' ? params : {}),
        idempotencyToken: String(req.headers['i-twilio-idempotency-token'] ?? ''),
        at: Date.now(),
      };
      requests.push(recorded);
      const route = routes.get(parsedUrl.pathname);
      const answer: Answer = route ? route(recorded) : '<Response/>';
      const spec = typeof answer === 'string' ? { body: answer } : answer;
      const reply = () =>
        res
          .writeHead(spec.status ?? 200, { 'Content-Type': spec.contentType ?? 'text/xml' })
          .end(spec.body ?? '<Response/>');
      if (spec.delayMs) setTimeout(reply, spec.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    route: (path, answer) => routes.set(path, typeof answer === 'function' ? answer : () => answer),
    requestsTo: (path) => requests.filter((r) => r.path === path),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
