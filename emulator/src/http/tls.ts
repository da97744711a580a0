import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

/**
 * The signalling endpoint needs TLS (the Voice SDK only speaks wss://). A self-signed certificate for 127.0.0.1 is
 * made at start; with a directory it is kept there, so a person accepts it in the browser once, not every start.
 */
export async function loadOrMakeCertificate(directory: string | undefined): Promise<Certificate> {
  const keyFile = directory && path.join(directory, 'key.pem');
  const certFile = directory && path.join(directory, 'cert.pem');
  if (keyFile && certFile && existsSync(keyFile) && existsSync(certFile)) {
    const kept = { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
    if (Date.parse(new X509Certificate(kept.cert).validTo) > Date.now() + 86_400_000) return kept;
  }
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  const made = { key: pems.private, cert: pems.cert };
  if (directory && keyFile && certFile) {
    mkdirSync(directory, { recursive: true });
    writeFileSync(keyFile, made.key, { mode: 0o600 });
    writeFileSync(certFile, made.cert);
  }
  return made;
}

const TLS_HANDSHAKE = 0x16;

/** One port for both: a connection whose first byte starts a TLS handshake goes to the TLS server. */
export function listenOnePort(
  plain: HttpServer,
  secure: HttpsServer,
): { front: NetServer; destroyConnections: () => void } {
  const sockets = new Set<Socket>();
  const front = createNetServer((socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return {
    front,
    destroyConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}
