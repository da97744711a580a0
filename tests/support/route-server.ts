import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { servePublicFile } from './public-files';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
// `never` lets every route's own params type (`{ id: string }`...) stand in; the server fills them from the path.
export type RouteContext = { params: Promise<never> };
export type RouteHandler = (request: Request, context: RouteContext) => Promise<Response> | Response;
export type RouteModule = Partial<Record<Method, RouteHandler>>;

/** App Router paths such as `/api/calls/[id]/[command]`, each with the module Next would load for it. */
export type RouteEntries = Record<string, RouteModule>;

interface CompiledRoute {
  pattern: RegExp;
  names: string[];
  module: RouteModule;
}

function compile(entries: RouteEntries): CompiledRoute[] {
  return Object.entries(entries).map(([path, module]) => {
    const names: string[] = [];
    const source = path.replace(/\[([^\]]+)\]/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { pattern: new RegExp(`^${source}$`), names, module };
  });
}

export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  ms: number;
}

export interface RouteServerOptions {
  /** Listen here (a restarted app comes back on its old port); 0 picks a free one. */
  port?: number;
  /** Runs each handler, e.g. inside a request-scoped context; defaults to calling it. */
  around?: (request: Request, run: () => Promise<Response>) => Promise<Response>;
}

export interface RouteServer {
  url: string;
  port: number;
  served: ServedRequest[];
  /** Holds every answer (whose path contains `pathContains`, if given) back by `ms` before the handler runs. */
  delayResponses(ms: number, pathContains?: string): void;
  /**
   * Answers routes whose path contains `pathContains` with this status (a proxy whose app is restarting) while
   * files under public/ are still served; 0 stops it.
   */
  failResponses(status: number, pathContains: string): void;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? '/', base), { method, headers, body });
}

/** A tiny HTTP server that hands requests to App Router route handlers, as Next would. */
export async function startRouteServer(entries: RouteEntries, options: RouteServerOptions = {}): Promise<RouteServer> {
  const routes = compile(entries);
  const served: ServedRequest[] = [];
  let delay: { ms: number; pathContains?: string } = { ms: 0 };
  let failure: { status: number; pathContains: string } = { status: 0, pathContains: '' };
  let base = '';
  const sockets = new Set<Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    void (async () => {
      const method = (req.method ?? 'GET') as Method;
      let handler: RouteHandler | undefined;
      let params: Record<string, string> = {};
      for (const route of routes) {
        const match = route.pattern.exec(path);
        if (!match) continue;
        handler = route.module[method];
        params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]));
        break;
      }
      if (!handler) {
        if (await servePublicFile(method, path, res))
          served.push({ method, path, status: 200, ms: Date.now() - started });
        else res.writeHead(404).end();
        return;
      }
      if (failure.status > 0 && path.includes(failure.pathContains)) {
        served.push({ method, path, status: failure.status, ms: Date.now() - started });
        res.writeHead(failure.status).end();
        return;
      }
      const request = await toRequest(req, base);
      if (delay.ms > 0 && (!delay.pathContains || path.includes(delay.pathContains)))
        await new Promise((resolve) => setTimeout(resolve, delay.ms));
      const run = async () => handler(request, { params: Promise.resolve(params) as Promise<never> });
      const response = await (options.around ? options.around(request, run) : run());
      served.push({ method, path, status: response.status, ms: Date.now() - started });
      const body = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(body);
    })().catch((error: unknown) => {
      console.error('[route-server]', error);
      served.push({ method: req.method ?? 'GET', path, status: 500, ms: Date.now() - started });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    port,
    served,
    delayResponses: (ms, pathContains) => {
      delay = { ms, pathContains };
    },
    failResponses: (status, pathContains) => {
      failure = { status, pathContains };
    },
    close: async () => {
      // Like a killed process: open connections are cut, not drained.
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
