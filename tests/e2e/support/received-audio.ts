import type { Page } from '@playwright/test';

/**
 * What a browser page RECEIVES over WebRTC, measured in the page: every remote audio track of every peer
 * connection (the Voice SDK's call) is fed into WebAudio and analysed in blocks of about 85 ms: the block's RMS
 * and a Goertzel level for each watched frequency. Installed before the app's scripts, without touching the app.
 */
export interface ReceivedAudio {
  /** Blocks analysed in the window. */
  blocks: number;
  rms: number;
  /** Longest run of blocks below the silence level, in ms, within the window. */
  longestSilenceMs: number;
  /** Per watched frequency: the median block level (0..1 amplitude) and the share of blocks where it is present. */
  tones: Record<string, { level: number; presentShare: number }>;
}

/** A tone counts as present in a block at this amplitude (a phone's tone arrives at about 0.25, a browser's at 0.05 or more). */
export const TONE_PRESENT_LEVEL = 0.02;
export const SILENCE_RMS = 0.003;

declare global {
  interface Window {
    __receivedAudio?: { watch(frequencies: number[]): void; read(windowMs: number): ReceivedAudio; tracks(): number };
  }
}

/** The page-side probe, serialised into an init script (runs in the browser, so it may use only its own scope). */
function installProbe(presentLevel: number, silenceRms: number): void {
  const BLOCK = 4096;
  const NativePeerConnection = window.RTCPeerConnection;
  let context: AudioContext | null = null;
  let sink: GainNode | null = null;
  let frequencies: number[] = [];
  const history: { at: number; rms: number; levels: number[] }[] = [];
  let liveTracks = 0;

  function ensureGraph(): { context: AudioContext; sink: GainNode } {
    if (context && sink) return { context, sink };
    context = new AudioContext();
    sink = context.createGain();
    const processor = context.createScriptProcessor(BLOCK, 1, 1);
    const rate = context.sampleRate;
    processor.onaudioprocess = (event) => {
      const samples = event.inputBuffer.getChannelData(0);
      let sum = 0;
      for (const s of samples) sum += s * s;
      const levels = frequencies.map((frequency) => {
        const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / rate);
        let q1 = 0;
        let q2 = 0;
        for (const s of samples) {
          const q0 = coefficient * q1 - q2 + s;
          q2 = q1;
          q1 = q0;
        }
        const power = q1 * q1 + q2 * q2 - coefficient * q1 * q2;
        return (2 * Math.sqrt(Math.max(power, 0))) / samples.length;
      });
      history.push({ at: performance.now(), rms: Math.sqrt(sum / samples.length), levels });
      if (history.length > 2000) history.splice(0, history.length - 2000);
    };
    sink.connect(processor);
    // A script processor runs only when connected onwards; a muted gain keeps the probe itself silent.
    const mute = context.createGain();
    mute.gain.value = 0;
    processor.connect(mute);
    mute.connect(context.destination);
    return { context, sink };
  }

  function attach(track: MediaStreamTrack): void {
    if (track.kind !== 'audio') return;
    const graph = ensureGraph();
    void graph.context.resume();
    const source = graph.context.createMediaStreamSource(new MediaStream([track]));
    source.connect(graph.sink);
    liveTracks += 1;
    track.addEventListener('ended', () => {
      liveTracks -= 1;
      source.disconnect();
    });
  }

  class ProbedPeerConnection extends NativePeerConnection {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      this.addEventListener('track', (event) => attach(event.track));
    }
  }
  window.RTCPeerConnection = ProbedPeerConnection;

  window.__receivedAudio = {
    watch(list) {
      frequencies = list;
      history.length = 0;
    },
    tracks: () => liveTracks,
    read(windowMs) {
      const since = performance.now() - windowMs;
      const blocks = history.filter((b) => b.at >= since);
      const blockMs = context ? (BLOCK / context.sampleRate) * 1000 : 0;
      let run = 0;
      let longest = 0;
      for (const b of blocks) {
        run = b.rms < silenceRms ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      const rms = blocks.length ? Math.sqrt(blocks.reduce((s, b) => s + b.rms * b.rms, 0) / blocks.length) : 0;
      const tones: ReceivedAudio['tones'] = {};
      frequencies.forEach((frequency, i) => {
        const levels = blocks.map((b) => b.levels[i] ?? 0).sort((a, b) => a - b);
        tones[String(frequency)] = {
          level: levels.length ? levels[Math.floor(levels.length / 2)]! : 0,
          presentShare: levels.length ? levels.filter((l) => l >= presentLevel).length / levels.length : 0,
        };
      });
      return { blocks: blocks.length, rms, longestSilenceMs: Math.round(longest * blockMs), tones };
    },
  };
}

/** Call before the page loads the app. */
export async function probeReceivedAudio(page: Page): Promise<void> {
  await page.addInitScript(`(${installProbe.toString()})(${TONE_PRESENT_LEVEL}, ${SILENCE_RMS});`);
}

export async function watchFrequencies(page: Page, frequencies: number[]): Promise<void> {
  await page.evaluate((list) => window.__receivedAudio?.watch(list), frequencies);
}

export async function readReceivedAudio(page: Page, windowMs: number): Promise<ReceivedAudio> {
  const result = await page.evaluate((ms) => window.__receivedAudio?.read(ms), windowMs);
  if (!result)
    throw new Error('The received-audio probe is not installed on this page (call probeReceivedAudio before goto).');
  return result;
}
