import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { API_VERSION } from '../constants';
import type { Engine } from '../engine/context';
import { notFound, TwilioApiError } from '../errors';
import type { Faults } from '../faults';
import { sleep } from '../sleep';
import { authenticate } from './auth';
import { parseJsonBody, readBody } from './body';
import type { Reply, Router } from './router';

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
  if (error instanceof URIError) return { status: 400, body: new TwilioApiError(400, 20001, 'Malformed percent-encoding in path').toJson() };
  return { status: 500, body: new TwilioApiError(500, 20500, `Internal Server Error: ${String(error)}`).toJson() };
}

async function handleRest(engine: Engine, faults: Faults, router: Router, req: IncomingMessage, url: URL): Promise<Reply> {
  authenticate(engine, req.headers);
  const account = ACCOUNT_PATH.exec(url.pathname)?.[1];
  if (account !== engine.options.accountSid) throw notFound(`Account ${account ?? ''}`);
  const method = req.method ?? 'GET';
  const plan = faults.planRest(method, url.pathname);
  if (plan.delayMs > 0) await sleep(plan.delayMs);
  if (plan.failWith === 429) throw new TwilioApiError(429, 20429, 'Too Many Requests');
  if (plan.failWith === 500) throw new TwilioApiError(500, 20500, 'Internal Server Error');
  if (url.pathname === `/${API_VERSION}/Accounts/${account}.json` && method === 'GET') {
    return { status: 200, body: { sid: account, friendly_name: 'Switchboard emulator', status: 'active', type: 'Full' } };
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

export function createEmulatorServer(engine: Engine, faults: Faults, rest: Router, control: Router): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
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
  });
}
