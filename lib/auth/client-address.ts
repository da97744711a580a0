import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { settings } from '@/lib/env';

/**
 * Route handlers see a Web Request, which has no socket, and Next.js only fills X-Forwarded-For with the
 * socket's address when the client sent none. So the server stamps every request with the address its TCP
 * peer really had, under a header of its own that it always overwrites (a client cannot forge it).
 */
export const PEER_ADDRESS_HEADER = 'x-switchboard-peer-address';

const state = globalThis as unknown as { switchboardPeerAddresses?: boolean };

/** Called once when the server starts (instrumentation.ts), before it serves a request. */
export function stampPeerAddresses(): void {
  if (state.switchboardPeerAddresses) return;
  state.switchboardPeerAddresses = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? '';
  });
}

/** `::ffff:192.0.2.1` (an IPv4 client of a dual-stack socket) is 192.0.2.1. */
function plain(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
}

/**
 * The client's address, used only to count failed logins: the TCP peer, or with N trusted proxies
 * (TRUSTED_PROXY_COUNT, 0 by default) the entry the outermost of them wrote (the Nth from the end of X-Forwarded-For, the peer being the last proxy). Null
 * when the request did not come through the server's socket (tests that call handlers directly).
 */
export function clientAddress(
  headers: Headers,
  trustedProxies: number = settings().TRUSTED_PROXY_COUNT,
): string | null {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  if (!peer) return null;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer].map(plain);
  return chain[Math.max(0, chain.length - 1 - trustedProxies)] ?? null;
}
