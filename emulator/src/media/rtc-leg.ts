import { MediaStreamTrack, RTCPeerConnection, RTCRtpCodecParameters, RtpHeader, RtpPacket } from 'werift';
import { decodeUlaw, FRAME_SAMPLES, SAMPLE_RATE } from './pcm';

/** PCMU only: the Voice SDK offers it first (codecPreferences), so no Opus codec is needed anywhere. */
export const PCMU_PAYLOAD_TYPE = 0;

export interface RtcLegOptions {
  /** The loopback STUN responder, so werift's gathering never waits on the network. */
  stunUrl: string;
}

/** A werift peer as the emulator (and its tests' stand-in browser) need it: PCMU, loopback, local STUN. */
export function createPcmuPeer(options: RtcLegOptions): RTCPeerConnection {
  return new RTCPeerConnection({
    codecs: {
      audio: [
        new RTCRtpCodecParameters({
          mimeType: 'audio/PCMU',
          clockRate: SAMPLE_RATE,
          channels: 1,
          payloadType: PCMU_PAYLOAD_TYPE,
        }),
      ],
    },
    iceServers: [{ urls: options.stunUrl }],
    // werift leaves loopback out of its host candidates otherwise; in a loopback-only namespace that is all there is.
    iceAdditionalHostAddresses: ['127.0.0.1'],
    iceUseIpv6: false,
  });
}

async function gathered(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return;
  await pc.iceGatheringStateChange.watch((state) => state === 'complete');
}

/** One WebRTC media leg: the emulator's end of a browser's peer connection, carrying 20 ms PCMU frames. */
export class RtcLeg {
  /** Decoded frames from the browser, with when each arrived. */
  onAudio: (samples: Int16Array, at: number) => void = () => undefined;
  /** The peer connection failed or closed: the browser is gone. */
  onGone: () => void = () => undefined;
  packetsSent = 0;
  packetsReceived = 0;
  private readonly track = new MediaStreamTrack({ kind: 'audio' });
  private sequenceNumber = Math.floor(Math.random() * 65536);
  private timestamp = Math.floor(Math.random() * 2 ** 31);
  private closed = false;
  /** The host candidates of the first answer, for the answer to an ICE restart. */
  private hostCandidates: string[] = [];

  private constructor(private readonly pc: RTCPeerConnection) {
    const transceiver = pc.addTransceiver(this.track, { direction: 'sendrecv' });
    transceiver.onTrack.subscribe((remote) => {
      remote.onReceiveRtp.subscribe((rtp) => {
        if (rtp.header.payloadType !== PCMU_PAYLOAD_TYPE || rtp.payload.length === 0) return;
        this.packetsReceived += 1;
        this.onAudio(decodeUlaw(rtp.payload), Date.now());
      });
    });
    pc.connectionStateChange.subscribe((state) => {
      if ((state === 'failed' || state === 'closed') && !this.closed) this.onGone();
    });
  }

  get connectionState(): string {
    return this.pc.connectionState;
  }

  /** Answers a browser's offer (candidate-less: the browser is learnt from its connectivity checks). */
  static async answer(offerSdp: string, options: RtcLegOptions): Promise<{ leg: RtcLeg; sdp: string }> {
    const pc = createPcmuPeer(options);
    const leg = new RtcLeg(pc);
    try {
      const sdp = await leg.answerOffer(offerSdp);
      return { leg, sdp };
    } catch (error) {
      await leg.close();
      throw error;
    }
  }

  /** Makes an offer for an incoming call to a registered browser; `accept` takes the browser's answer. */
  static async offer(options: RtcLegOptions): Promise<{ leg: RtcLeg; sdp: string }> {
    const pc = createPcmuPeer(options);
    const leg = new RtcLeg(pc);
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc);
    return { leg, sdp: pc.localDescription?.sdp ?? '' };
  }

  async accept(answerSdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
  }

  /** An offer on this leg (first or an ICE restart): the answer with the emulator's candidates. */
  async answerOffer(offerSdp: string): Promise<string> {
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    await gathered(this.pc);
    const sdp = this.pc.localDescription?.sdp ?? '';
    const lines = sdp.split('\r\n');
    const candidates = lines.filter((line) => line.startsWith('a=candidate:'));
    if (candidates.length > 0) {
      this.hostCandidates = candidates
        .filter((line) => / typ host/.test(line))
        .map((line) => line.replace(/ generation \d+.*$/, ''));
      return sdp;
    }
    // After an ICE restart werift keeps its sockets but leaves them out of the new answer; a candidate-less
    // browser would then have nowhere to send checks. The same host candidates, without the old ufrag, serve.
    const at = lines.indexOf('a=end-of-candidates');
    lines.splice(at === -1 ? lines.length - 1 : at, 0, ...this.hostCandidates);
    return lines.join('\r\n');
  }

  /** Sends one 20 ms frame of μ-law; dropped until DTLS is up, as a real endpoint would. */
  send(ulaw: Buffer): void {
    if (this.closed) return;
    this.sequenceNumber = (this.sequenceNumber + 1) & 0xffff;
    this.timestamp = (this.timestamp + FRAME_SAMPLES) >>> 0;
    const header = new RtpHeader({
      payloadType: PCMU_PAYLOAD_TYPE,
      sequenceNumber: this.sequenceNumber,
      timestamp: this.timestamp,
    });
    if (this.pc.connectionState !== 'connected') return;
    this.packetsSent += 1;
    this.track.writeRtp(new RtpPacket(header, Buffer.from(ulaw)));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pc.close().catch(() => undefined);
  }
}
