import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createSecureServer, type Server as SecureServer } from 'node:https';
import type { Server as NetServer } from 'node:net';
import { API_VERSION } from '../constants';
import type { Engine } from '../engine/context';
import { notFound, TwilioApiError } from '../errors';
import type { Faults } from '../faults';
import { sleep } from '../sleep';
import { authenticate } from './auth';
import { parseJsonBody, readBody } from './body';
import type { Reply, Router } from './router';
import { listenOnePort, type Certificate } from './tls';

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Access-Control-Max-Age': '600',
};
const ACCOUNT_PATH = new RegExp(`^/${API_VERSION}/Accounts/([^/]+?)(?:\\.json|/.*)?$`);

function send(res: ServerResponse, reply: Reply, cors: boolean): void {
  const headers: Record<string, string> = cors ? { ...CORS_HEADERS } : {};
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers['Content-Type'] = 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

function errorReply(error: unknown): Reply {
  if (error instanceof TwilioApiError) return { status: error.status, body: error.toJson() };
  if (error instanceof URIError)
    return { status: 400, body: new TwilioApiError(400, 20001, 'Malformed percent-encoding in path').toJson() };
  return { status: 500, body: new TwilioApiError(500, 20500, `Internal Server Error: ${String(error)}`).toJson() };
}

async function handleRest(
  engine: Engine,
  faults: Faults,
  router: Router,
  req: IncomingMessage,
  url: URL,
): Promise<Reply> {
  authenticate(engine, req.headers);
  const account = ACCOUNT_PATH.exec(url.pathname)?.[1];
  if (account !== engine.options.accountSid) throw notFound(`Account ${account ?? ''}`);
  const method = req.method ?? 'GET';
  const plan = faults.planRest(method, url.pathname);
  if (plan.delayMs > 0) await sleep(plan.delayMs);
  if (plan.failWith === 429) throw new TwilioApiError(429, 20429, 'Too Many Requests');
  if (plan.failWith === 500) throw new TwilioApiError(500, 20500, 'Internal Server Error');
  if (url.pathname === `/${API_VERSION}/Accounts/${account}.json` && method === 'GET') {
    return {
      status: 200,
      body: { sid: account, friendly_name: 'Switchboard emulator', status: 'active', type: 'Full' },
    };
  }
  return dispatch(router, req, url, 'form');
}

async function dispatch(router: Router, req: IncomingMessage, url: URL, bodyKind: 'form' | 'json'): Promise<Reply> {
  const method = req.method ?? 'GET';
  const found = router.match(method, url.pathname);
  if (!found) throw notFound(url.pathname);
  if ('methodNotAllowed' in found) throw new TwilioApiError(405, 20004, `Method ${method} not allowed`);
  const raw = await readBody(req);
  return found.handler({
    method,
    path: url.pathname,
    query: url.searchParams,
    params: found.params,
    form: bodyKind === 'form' ? new URLSearchParams(raw) : new URLSearchParams(),
    json: bodyKind === 'json' ? parseJsonBody(raw) : undefined,
    headers: req.headers,
  });
}

const CERTIFICATE_PAGE = `<!doctype html><meta charset="utf-8"><title>Twilio emulator</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>Twilio emulator</h1>
<p>If you reached this page over <b>https</b>, your browser now trusts the emulator's certificate, and the consoles'
real sound (a secure websocket to this port) can connect. Go back to Switchboard and connect again.</p>
<p>Over plain http, open this same address with <b>https://</b> once and accept the warning.</p>
<p>State: <a href="/_emulator/state">/_emulator/state</a></p></body>`;

function handler(engine: Engine, faults: Faults, rest: Router, control: Router): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    if (url.pathname === '/' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(CERTIFICATE_PAGE);
      return;
    }
    const isControl = url.pathname.startsWith('/_emulator/');
    if (isControl && req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS).end();
      return;
    }
    const work = isControl
      ? dispatch(control, req, url, 'json')
      : url.pathname.startsWith(`/${API_VERSION}/`)
        ? handleRest(engine, faults, rest, req, url)
        : Promise.reject(notFound(url.pathname));
    work.then(
      (reply) => send(res, reply, isControl),
      (error: unknown) => send(res, errorReply(error), isControl),
    );
  };
}

export interface EmulatorServers {
  /** Listens on the emulator's port and hands each connection to `plain` or, when it starts TLS, to `secure`. */
  front: NetServer;
  /** Ends every open connection (keep-alive, websockets), so closing does not wait for clients. */
  destroyConnections: () => void;
  plain: Server;
  secure: SecureServer;
}

/** The REST and control APIs over http, and the same plus the Voice SDK's signalling over https, on one port. */
export function createEmulatorServers(
  engine: Engine,
  faults: Faults,
  rest: Router,
  control: Router,
  certificate: Certificate,
): EmulatorServers {
  const listener = handler(engine, faults, rest, control);
  const plain = createServer(listener);
  const secure = createSecureServer({ key: certificate.key, cert: certificate.cert }, listener);
  return { ...listenOnePort(plain, secure), plain, secure };
}
