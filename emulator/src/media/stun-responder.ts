import { createSocket, type Socket } from 'node:dgram';

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const XOR_MAPPED_ADDRESS = 0x0020;

/**
 * A STUN binding responder on loopback. werift falls back to a public STUN server when it has none, and with no
 * network that costs seconds per gather; pointing its ICE at this answers at once (RFC 5389, IPv4 only).
 */
export class StunResponder {
  private constructor(
    private readonly socket: Socket,
    readonly port: number,
  ) {}

  static async start(host = '127.0.0.1'): Promise<StunResponder> {
    const socket = createSocket('udp4');
    socket.on('message', (message, from) => {
      if (
        message.length < 20 ||
        message.readUInt16BE(0) !== BINDING_REQUEST ||
        message.readUInt32BE(4) !== MAGIC_COOKIE
      )
        return;
      if (from.family !== 'IPv4') return;
      const answer = Buffer.alloc(32);
      answer.writeUInt16BE(BINDING_SUCCESS, 0);
      answer.writeUInt16BE(12, 2);
      message.copy(answer, 4, 4, 20);
      answer.writeUInt16BE(XOR_MAPPED_ADDRESS, 20);
      answer.writeUInt16BE(8, 22);
      answer.writeUInt8(0, 24);
      answer.writeUInt8(1, 25);
      answer.writeUInt16BE(from.port ^ (MAGIC_COOKIE >>> 16), 26);
      const octets = from.address.split('.').map(Number);
      const address =
        (((octets[0] ?? 0) << 24) | ((octets[1] ?? 0) << 16) | ((octets[2] ?? 0) << 8) | (octets[3] ?? 0)) >>> 0;
      answer.writeUInt32BE((address ^ MAGIC_COOKIE) >>> 0, 28);
      socket.send(answer, from.port, from.address);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, host, () => resolve());
    });
    return new StunResponder(socket, socket.address().port);
  }

  get url(): string {
    return `stun:127.0.0.1:${this.port}`;
  }

  private closing: Promise<void> | null = null;

  close(): Promise<void> {
    this.closing ??= new Promise((resolve) => this.socket.close(() => resolve()));
    return this.closing;
  }
}
