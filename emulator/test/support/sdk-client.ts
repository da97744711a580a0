import { MediaStreamTrack, RtpHeader, RtpPacket, type RTCPeerConnection } from 'werift';
import WebSocket from 'ws';
import { AudioHistory, type AudioReading } from '../../src/media/audio-history';
import { decodeUlaw, encodeUlaw, FRAME_MS, FRAME_SAMPLES } from '../../src/media/pcm';
import { createPcmuPeer, PCMU_PAYLOAD_TYPE } from '../../src/media/rtc-leg';
import { ToneSource } from '../../src/media/sources';
import { SIGNAL_PROTOCOL_VERSION } from '../../src/signal/signal-server';
import { StunResponder } from '../../src/media/stun-responder';

export interface SignalMessage {
  type: string;
  version: string;
  payload: Record<string, unknown> & { callsid?: string; sdp?: string; error?: { code: number; message: string } };
}

/** Resolves when `check` passes, polling; the assertion helpers wait on what a leg receives, never sleep. */
export async function eventually<T>(
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 8000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * What the Voice SDK does, in Node: the websocket messages of VOICE-SDK.md and a candidate-less PCMU offer from a
 * werift peer, so the emulator's signalling and media are tested without a browser.
 */
export class SdkClient {
  readonly messages: SignalMessage[] = [];
  heartbeats = 0;
  private constructor(
    private readonly socket: WebSocket,
    private readonly stun: StunResponder,
  ) {
    socket.on('message', (data) => {
      const text = (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Uint8Array)).toString('utf8');
      if (text === '\n') {
        this.heartbeats += 1;
        socket.send('\n');
        return;
      }
      this.messages.push(JSON.parse(text) as SignalMessage);
    });
  }

  /** An emulator in this process, or one elsewhere named by its signalling URL (the bench's audio mode). */
  static async open(emulator: { signal: { url: string } }): Promise<SdkClient> {
    const socket = new WebSocket(emulator.signal.url, { rejectUnauthorized: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new SdkClient(socket, await StunResponder.start());
  }

  send(type: string, payload: Record<string, unknown>): void {
    this.socket.send(JSON.stringify({ type, version: SIGNAL_PROTOCOL_VERSION, payload }));
  }

  /** The first message of a type (after `skip` of them) that matches. */
  next(type: string, match: (m: SignalMessage) => boolean = () => true, skip = 0): Promise<SignalMessage> {
    return eventually(() => this.messages.filter((m) => m.type === type && match(m))[skip], 8000, `a ${type} message`);
  }

  async listen(token: string): Promise<SignalMessage> {
    const before = this.messages.length;
    this.send('listen', { token, browserinfo: { p: 'node' }, reconnectTimeout: 0 });
    return eventually(
      () => this.messages.slice(before).find((m) => m.type === 'connected' || m.type === 'error'),
      8000,
      'connected or error',
    );
  }

  /** device.connect({ params }): resolves with the call once the answer is applied (the SDK's `accept`). */
  async connect(params: Record<string, string>): Promise<SdkCall> {
    const call = await SdkCall.create(this.stun);
    const temporary = `TJS${Math.random().toString(16).slice(2, 14)}`;
    const sdp = await call.offer();
    const before = this.messages.length;
    this.send('invite', { callsid: temporary, sdp, twilio: { params: new URLSearchParams(params).toString() } });
    // The answer names the real CallSid, a refusal the temporary one.
    const answer = await eventually(
      () =>
        this.messages
          .slice(before)
          .find((m) => m.type === 'answer' || (m.type === 'hangup' && m.payload.callsid === temporary)),
      8000,
      'answer',
    );
    if (answer.type === 'hangup') {
      await call.close();
      throw new Error(`invite refused: ${JSON.stringify(answer.payload.error)}`);
    }
    await call.accept(String(answer.payload.sdp), String(answer.payload.callsid));
    return call;
  }

  /** An invite from a browser that goes away before its media connects (its peer closes after the offer). */
  async inviteThenVanish(params: Record<string, string>): Promise<void> {
    const call = await SdkCall.create(this.stun);
    const sdp = await call.offer();
    await call.close();
    this.send('invite', {
      callsid: `TJS${Math.random().toString(16).slice(2, 14)}`,
      sdp,
      twilio: { params: new URLSearchParams(params).toString() },
    });
  }

  /** call.accept() on an incoming invite: a candidate-less answer, as the SDK sends it. */
  async accept(invite: SignalMessage): Promise<SdkCall> {
    const call = await SdkCall.create(this.stun);
    const sdp = await call.answer(String(invite.payload.sdp), String(invite.payload.callsid));
    this.send('answer', { callsid: invite.payload.callsid, sdp });
    return call;
  }

  async close(): Promise<void> {
    this.socket.close();
    await this.stun.close();
  }
}

function withoutCandidates(sdp: string): string {
  return sdp
    .split('\r\n')
    .filter((line) => !line.startsWith('a=candidate') && !line.startsWith('a=end-of-candidates'))
    .join('\r\n');
}

/** One call's media: speaks a tone (or nothing) every 20 ms and keeps what it receives. */
export class SdkCall {
  callSid = '';
  readonly received = new AudioHistory();
  packetsReceived = 0;
  private readonly track = new MediaStreamTrack({ kind: 'audio' });
  private tone: ToneSource | null = null;
  private readonly timer: NodeJS.Timeout;
  private sequence = 1;
  private timestamp = 1;

  private constructor(private readonly pc: RTCPeerConnection) {
    const transceiver = pc.addTransceiver(this.track, { direction: 'sendrecv' });
    transceiver.onTrack.subscribe((remote) =>
      remote.onReceiveRtp.subscribe((rtp) => {
        this.packetsReceived += 1;
        this.received.push(decodeUlaw(rtp.payload), Date.now());
      }),
    );
    const frame = new Int16Array(FRAME_SAMPLES);
    this.timer = setInterval(() => {
      if (pc.connectionState !== 'connected') return;
      const speaking = this.tone?.read(frame) ?? false;
      if (!speaking) frame.fill(0);
      this.sequence = (this.sequence + 1) & 0xffff;
      this.timestamp += FRAME_SAMPLES;
      this.track.writeRtp(
        new RtpPacket(
          new RtpHeader({ payloadType: PCMU_PAYLOAD_TYPE, sequenceNumber: this.sequence, timestamp: this.timestamp }),
          encodeUlaw(frame),
        ),
      );
    }, FRAME_MS);
  }

  static async create(stun: StunResponder): Promise<SdkCall> {
    return new SdkCall(createPcmuPeer({ stunUrl: stun.url }));
  }

  /** The SDK sends its offer right after setLocalDescription, without candidates (rtcpc.ts). */
  async offer(): Promise<string> {
    await this.pc.setLocalDescription(await this.pc.createOffer());
    return withoutCandidates(this.pc.localDescription?.sdp ?? '');
  }

  async answer(offer: string, callSid: string): Promise<string> {
    this.callSid = callSid;
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offer });
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    return withoutCandidates(this.pc.localDescription?.sdp ?? '');
  }

  async accept(sdp: string, callSid: string): Promise<void> {
    this.callSid = callSid;
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }

  get connectionState(): string {
    return this.pc.connectionState;
  }

  /** An ICE restart as the SDK does it on a media failure: a new offer sent as `reinvite`. */
  async restartOffer(): Promise<string> {
    await this.pc.setLocalDescription(await this.pc.createOffer({ iceRestart: true }));
    return withoutCandidates(this.pc.localDescription?.sdp ?? '');
  }

  async applyAnswer(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
  }

  speak(frequency: number | null, amplitude = 0.25): void {
    this.tone = frequency === null ? null : new ToneSource(frequency, amplitude);
  }

  hearing(windowMs: number, frequencies: number[]): AudioReading {
    return this.received.read(windowMs, frequencies);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.pc.close().catch(() => undefined);
  }
}
