import { createServer, request as forward, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { servePublicFile } from './public-files';

/** What the README's Deploying section has the reverse proxy serve itself, so it answers while the app is down. */
const SERVED_BY_PROXY = ['/hold/', '/twiml/'];

export interface FrontProxy {
  url: string;
  /** Requests the proxy answered 502 because the app did not (refused, or cut off mid-answer). */
  badGateways: { method: string; path: string; at: number }[];
  close(): Promise<void>;
}

/**
 * The reverse proxy in front of the app, as the README's Deploying section asks for: the static hold music and
 * TwiML under public/hold/ and public/twiml/ come from disk, everything else goes to the app, and while the app
 * process is down (or dies mid-request) the answer is 502 Bad Gateway, as nginx would give.
 */
export async function startFrontProxy(appUrl: string): Promise<FrontProxy> {
  const app = new URL(appUrl);
  const badGateways: FrontProxy['badGateways'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const badGateway = () => {
      badGateways.push({ method, path, at: Date.now() });
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway');
      else res.destroy();
    };
    void (async () => {
      if (SERVED_BY_PROXY.some((prefix) => path.startsWith(prefix)) && (await servePublicFile(method, path, res)))
        return;
      const upstream = forward(
        { host: app.hostname, port: app.port, method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('error', badGateway);
        },
      );
      upstream.on('error', badGateway);
      req.pipe(upstream);
    })().catch(badGateway);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    badGateways,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
