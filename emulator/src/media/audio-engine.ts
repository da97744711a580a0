import { announcementAudioUrl } from '../engine/conference-ops';
import type { Engine } from '../engine/context';
import { currentHearing } from '../engine/hearing';
import type { Hearing } from '../engine/hearing-types';
import { TERMINAL_CALL_STATUSES, type CallRecord } from '../types';
import type { AudioAssets } from './audio-assets';
import { AudioHistory, type AudioReading } from './audio-history';
import { encodeUlaw, FRAME_MS, FRAME_SAMPLES } from './pcm';
import type { RtcLeg } from './rtc-leg';
import { SILENT_SOURCE, ToneSource, type AudioSource } from './sources';

/** What a party says: its browser's microphone (a WebRTC leg), a tone, a file, or nothing. */
export type VoiceSpec =
  | { source: 'device' }
  | { source: 'silence' }
  | { source: 'tone'; frequency: number; amplitude: number }
  | { source: 'wav'; url: string; loop: boolean };

/** GET /_emulator/calls/{sid}/audio: what a call received and sent over the last windowMs. */
export interface AudioReport {
  callSid: string;
  windowMs: number;
  received: AudioReading;
  sent: AudioReading;
  media: {
    kind: 'webrtc' | 'simulated';
    voice: VoiceSpec;
    connectionState: string | null;
    packetsSent: number;
    packetsReceived: number;
  };
}

/** GET /_emulator/audio/load: ticks run, milliseconds they took, party-ticks mixed, and the process's CPU (µs). */
export interface AudioLoad {
  ticks: number;
  busyMs: number;
  partyTicks: number;
  cpu: { user: number; system: number };
}

/** More than this many frames waiting from a browser means it got ahead; the oldest go, so delay stays bounded. */
const MAX_INBOUND_FRAMES = 4;
/** After a stall (a busy event loop) the clock skips ahead instead of bursting more frames than this. */
const MAX_CATCH_UP_FRAMES = 5;

class Endpoint {
  leg: RtcLeg | null = null;
  voice: VoiceSpec = { source: 'silence' };
  voiceSource: AudioSource = SILENT_SOURCE;
  readonly inbound: Int16Array[] = [];
  readonly voiceFrame = new Int16Array(FRAME_SAMPLES);
  voiceActive = false;
  readonly mix = new Int32Array(FRAME_SAMPLES);
  readonly heardFrame = new Int16Array(FRAME_SAMPLES);
  readonly scratch = new Int16Array(FRAME_SAMPLES);
  readonly ulaw = Buffer.alloc(FRAME_SAMPLES);
  readonly spoken = new AudioHistory();
  readonly heard = new AudioHistory();
  /** What plays instead of (or over) the conference: keyed so it restarts only when the hearing changes. */
  background: { key: string; source: AudioSource } | null = null;
  announcement: { key: string; source: AudioSource } | null = null;
  readonly onDropped = new Set<() => void>();

  constructor(readonly callSid: string) {}
}

/**
 * The sound of the emulator: a 20 ms clock that gives every live call the mix of exactly the parties
 * `currentHearing` says it hears (the function behind `hears` and the timelines, so the model and the sound cannot
 * disagree), never its own voice, or the wait/hold audio, speech or file its hearing names.
 */
export class AudioEngine {
  private readonly endpoints = new Map<string, Endpoint>();
  private timer: NodeJS.Timeout | null = null;
  private nextTickAt = 0;
  private closed = false;
  /** Work of the clock so far: the bench's CPU per mixed party. */
  readonly load: Omit<AudioLoad, 'cpu'> = { ticks: 0, busyMs: 0, partyTicks: 0 };

  constructor(
    private readonly engine: Engine,
    private readonly assets: AudioAssets,
  ) {
    engine.hooks.callStatus.add((call) => {
      if (call.status === 'in-progress') this.endpointFor(call.sid);
      else if (TERMINAL_CALL_STATUSES.has(call.status)) this.drop(call.sid);
    });
  }

  /** The call's endpoint, made on first use; the clock runs while any exists. */
  endpointFor(callSid: string): Endpoint {
    let endpoint = this.endpoints.get(callSid);
    if (!endpoint) {
      endpoint = new Endpoint(callSid);
      this.endpoints.set(callSid, endpoint);
      this.start();
    }
    return endpoint;
  }

  /** A browser's media leg joins its call; the call speaks with the browser's microphone from now on. */
  attachLeg(callSid: string, leg: RtcLeg): void {
    const endpoint = this.endpointFor(callSid);
    endpoint.leg = leg;
    endpoint.voice = { source: 'device' };
    leg.onAudio = (samples, at) => {
      endpoint.inbound.push(samples);
      if (endpoint.inbound.length > MAX_INBOUND_FRAMES) endpoint.inbound.shift();
      if (endpoint.voice.source === 'device') endpoint.spoken.push(samples, at);
    };
  }

  onDropped(callSid: string, listener: () => void): void {
    this.endpointFor(callSid).onDropped.add(listener);
  }

  hasLeg(callSid: string): boolean {
    return Boolean(this.endpoints.get(callSid)?.leg);
  }

  speak(callSid: string, voice: VoiceSpec): void {
    const endpoint = this.endpointFor(callSid);
    endpoint.voice = voice.source === 'device' && !endpoint.leg ? { source: 'silence' } : voice;
    endpoint.voiceSource =
      voice.source === 'tone'
        ? new ToneSource(voice.frequency, voice.amplitude)
        : voice.source === 'wav'
          ? this.assets.play(voice.url, voice.loop)
          : SILENT_SOURCE;
  }

  /** Tone frequencies some party is speaking now: what a reading listens for by default. */
  spokenTones(): number[] {
    const tones = new Set<number>();
    for (const endpoint of this.endpoints.values())
      if (endpoint.voice.source === 'tone') tones.add(endpoint.voice.frequency);
    return [...tones].sort((a, b) => a - b);
  }

  read(
    callSid: string,
    windowMs: number,
    frequencies: readonly number[],
  ): Omit<AudioReport, 'callSid' | 'windowMs'> | null {
    const endpoint = this.endpoints.get(callSid);
    if (!endpoint) return null;
    return {
      received: endpoint.heard.read(windowMs, frequencies),
      sent: endpoint.spoken.read(windowMs, frequencies),
      media: {
        kind: endpoint.leg ? 'webrtc' : 'simulated',
        voice: endpoint.voice,
        connectionState: endpoint.leg?.connectionState ?? null,
        packetsSent: endpoint.leg?.packetsSent ?? 0,
        packetsReceived: endpoint.leg?.packetsReceived ?? 0,
      },
    };
  }

  /** From the latest start of a tone in what `from` says to its first arrival in what `to` hears. */
  delay(
    fromSid: string,
    toSid: string,
    frequency: number,
  ): { delayMs: number; spokeAt: number; heardAt: number } | null {
    const from = this.endpoints.get(fromSid);
    const to = this.endpoints.get(toSid);
    if (!from || !to) return null;
    const spokeAt = from.spoken.latestOnset(frequency);
    if (spokeAt === null) return null;
    const heardAt = to.heard.firstWithTone(frequency, spokeAt);
    if (heardAt === null) return null;
    return { delayMs: heardAt - spokeAt, spokeAt, heardAt };
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const sid of [...this.endpoints.keys()]) this.drop(sid);
  }

  private drop(callSid: string): void {
    const endpoint = this.endpoints.get(callSid);
    if (!endpoint) return;
    this.endpoints.delete(callSid);
    void endpoint.leg?.close();
    for (const listener of endpoint.onDropped) listener();
  }

  private start(): void {
    if (this.timer || this.closed) return;
    this.nextTickAt = Date.now();
    this.schedule();
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.run(), Math.max(0, this.nextTickAt - Date.now()));
  }

  private run(): void {
    this.timer = null;
    const now = Date.now();
    if (now - this.nextTickAt > MAX_CATCH_UP_FRAMES * FRAME_MS) this.nextTickAt = now - MAX_CATCH_UP_FRAMES * FRAME_MS;
    while (this.nextTickAt <= now) {
      this.tick(Date.now());
      this.nextTickAt += FRAME_MS;
    }
    if (this.endpoints.size > 0 && !this.closed) this.schedule();
  }

  private tick(now: number): void {
    const started = performance.now();
    const calls = this.engine.store.calls;
    for (const endpoint of [...this.endpoints.values()]) {
      const call = calls.get(endpoint.callSid);
      if (!call || TERMINAL_CALL_STATUSES.has(call.status)) this.drop(endpoint.callSid);
    }
    for (const endpoint of this.endpoints.values()) this.readVoice(endpoint, now);
    for (const endpoint of this.endpoints.values()) {
      const call = calls.get(endpoint.callSid);
      if (!call) continue;
      const audible = this.render(endpoint, call);
      if (endpoint.leg) endpoint.leg.send(encodeUlaw(endpoint.heardFrame, endpoint.ulaw));
      endpoint.heard.push(audible ? endpoint.heardFrame : null, now);
    }
    this.load.ticks += 1;
    this.load.partyTicks += this.endpoints.size;
    this.load.busyMs += performance.now() - started;
  }

  private readVoice(endpoint: Endpoint, now: number): void {
    if (endpoint.voice.source === 'device') {
      const frame = endpoint.inbound.shift();
      endpoint.voiceActive = Boolean(frame);
      if (frame) endpoint.voiceFrame.set(frame);
      return;
    }
    endpoint.inbound.length = 0;
    endpoint.voiceActive = endpoint.voiceSource.read(endpoint.voiceFrame);
    endpoint.spoken.push(endpoint.voiceActive ? endpoint.voiceFrame : null, now);
  }

  /** Fills heardFrame with what the call hears now; returns false for silence. */
  private render(endpoint: Endpoint, call: CallRecord): boolean {
    const hearing = currentHearing(this.engine, call);
    const mix = endpoint.mix;
    mix.fill(0);
    let audible = false;
    const add = (frame: Int16Array): void => {
      for (let i = 0; i < FRAME_SAMPLES; i += 1) mix[i] = (mix[i] ?? 0) + (frame[i] ?? 0);
      audible = true;
    };
    const background = this.backgroundFor(endpoint, hearing);
    if (background && background.read(endpoint.scratch)) add(endpoint.scratch);
    if (hearing?.kind === 'conference') {
      for (const party of hearing.hears) {
        const speaker = this.endpoints.get(party.callSid);
        if (speaker?.voiceActive && speaker !== endpoint) add(speaker.voiceFrame);
      }
    }
    if (hearing?.kind === 'conference' || hearing?.kind === 'wait' || hearing?.kind === 'hold') {
      const announcement = this.announcementFor(endpoint, hearing.announcement);
      if (announcement && announcement.read(endpoint.scratch)) add(endpoint.scratch);
    } else endpoint.announcement = null;
    const out = endpoint.heardFrame;
    if (!audible) {
      out.fill(0);
      return false;
    }
    for (let i = 0; i < FRAME_SAMPLES; i += 1) {
      const sample = mix[i] ?? 0;
      out[i] = sample > 32767 ? 32767 : sample < -32768 ? -32768 : sample;
    }
    return true;
  }

  private backgroundFor(endpoint: Endpoint, hearing: Hearing | null): AudioSource | null {
    const wanted = ((): { key: string; make: () => AudioSource } | null => {
      switch (hearing?.kind) {
        case 'say':
          return { key: `say:${hearing.text}`, make: () => this.assets.speech(hearing.text) };
        case 'play':
          return { key: `play:${hearing.url}`, make: () => this.assets.play(hearing.url) };
        case 'wait':
        case 'hold': {
          const { audio, text } = hearing;
          if (audio !== null) return { key: `${hearing.kind}:play:${audio}`, make: () => this.assets.play(audio) };
          if (text !== null) return { key: `${hearing.kind}:say:${text}`, make: () => this.assets.speech(text) };
          return null;
        }
        default:
          return null;
      }
    })();
    if (!wanted) {
      endpoint.background = null;
      return null;
    }
    if (endpoint.background?.key !== wanted.key) endpoint.background = { key: wanted.key, source: wanted.make() };
    return endpoint.background.source;
  }

  private announcementFor(endpoint: Endpoint, text: string | null): AudioSource | null {
    if (text === null) {
      endpoint.announcement = null;
      return null;
    }
    if (endpoint.announcement?.key !== text) {
      const url = announcementAudioUrl(text);
      endpoint.announcement = { key: text, source: url ? this.assets.play(url, false) : this.assets.speech(text) };
    }
    return endpoint.announcement.source;
  }
}
