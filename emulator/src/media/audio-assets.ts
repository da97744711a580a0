import { spawn, spawnSync } from 'node:child_process';
import { isTwilioMusic } from '../twilio-music';
import { SAMPLE_RATE } from './pcm';
import { ClipSource, renderPattern, type AudioSource } from './sources';
import { decodeWav } from './wav';

/** Tones that stand in for audio the emulator cannot have; README documents them so tests can listen for them. */
export const STAND_IN_TONES = {
  /** Twilio's default hold and wait music (it lives on the internet): a rising arpeggio, 250 ms a note. */
  defaultMusic: [520, 660, 780],
  /** <Say> when espeak-ng is not installed: a two-tone warble as long as the speech would be. */
  say: [300, 400],
} as const;

const DEFAULT_MUSIC = renderPattern([
  ...STAND_IN_TONES.defaultMusic.map((frequency) => ({ frequency, ms: 250 })),
  { frequency: null, ms: 250 },
]);

export type ClipOutcome = { ok: true; clip: Int16Array } | { ok: false; message: string };

/** Starts silent and plays the clip once it has been fetched or rendered. */
class PendingClip implements AudioSource {
  private source: AudioSource | null = null;

  constructor(clip: Promise<ClipOutcome>, options: { loop: boolean; gapMs: number }) {
    void clip.then((outcome) => {
      if (outcome.ok) this.source = new ClipSource(outcome.clip, options);
    });
  }

  read(out: Int16Array): boolean {
    return this.source?.read(out) ?? false;
  }
}

export interface AudioAssetOptions {
  /** Real-time milliseconds a character of <Say> lasts, for the stand-in when espeak-ng is missing. */
  speechMsPerChar: number;
  /** A <Play> URL that could not be fetched or decoded (once per URL). */
  onFailure: (url: string, message: string) => void;
}

const MAX_CACHED = 200;

function remember(
  cache: Map<string, Promise<ClipOutcome>>,
  key: string,
  make: () => Promise<ClipOutcome>,
): Promise<ClipOutcome> {
  let found = cache.get(key);
  if (!found) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? '');
    found = make();
    cache.set(key, found);
  }
  return found;
}

/** Speech is the same for every emulator in a process (tests start many): render each text once. */
const speechCache = new Map<string, Promise<ClipOutcome>>();
let espeakMissing = false;

/**
 * Audio files and speech, decoded once to 8 kHz samples: `<Play>` URLs are fetched (WAV; MP3 is not decoded and
 * fails like a bad URL), `<Say>` is spoken by espeak-ng when installed, and Twilio's default music is a stand-in.
 */
export class AudioAssets {
  private readonly files = new Map<string, Promise<ClipOutcome>>();

  constructor(private readonly options: AudioAssetOptions) {}

  /** A player for a URL (looping with a short pause between plays unless told not to); silent if the URL fails. */
  play(url: string, loop = true): AudioSource {
    if (isTwilioMusic(url)) return new ClipSource(DEFAULT_MUSIC, { loop: true });
    return new PendingClip(
      remember(this.files, url, () => this.fetchClip(url)),
      { loop, gapMs: 300 },
    );
  }

  /** Speech for a text, repeated with a pause for as long as the party hears it. */
  speech(text: string): AudioSource {
    const msPerChar = this.options.speechMsPerChar;
    return new PendingClip(
      remember(speechCache, `${msPerChar}:${text}`, () => speak(text, msPerChar)),
      { loop: true, gapMs: 600 },
    );
  }

  private async fetchClip(url: string): Promise<ClipOutcome> {
    const outcome = await this.download(url);
    if (!outcome.ok) this.options.onFailure(url, outcome.message);
    return outcome;
  }

  private async download(url: string): Promise<ClipOutcome> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) return { ok: false, message: `HTTP ${response.status} fetching ${url}` };
      const body = Buffer.from(await response.arrayBuffer());
      if (body.toString('ascii', 0, 4) === 'RIFF') return { ok: true, clip: decodeWav(body) };
      const mp3 = body.toString('ascii', 0, 3) === 'ID3' || (body[0] === 0xff && ((body[1] ?? 0) & 0xe0) === 0xe0);
      return {
        ok: false,
        message: mp3 ? `MP3 is not decoded by the emulator (${url}); serve WAV` : `not a WAV file: ${url}`,
      };
    } catch (error) {
      return { ok: false, message: `could not play ${url}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

async function speak(text: string, msPerChar: number): Promise<ClipOutcome> {
  if (!espeakMissing) {
    const spoken = await espeak(text);
    if (spoken) return { ok: true, clip: spoken };
    espeakMissing = true;
  }
  return { ok: true, clip: sayStandIn(text, msPerChar) };
}

/** The warble <Say> becomes without espeak-ng: 120 ms of each tone and 40 ms pauses, as long as the speech. */
export function sayStandIn(text: string, msPerChar: number): Int16Array {
  const totalMs = Math.max(320, text.length * msPerChar);
  const [low, high] = STAND_IN_TONES.say;
  const unit = [
    { frequency: low, ms: 120 },
    { frequency: null, ms: 40 },
    { frequency: high, ms: 120 },
    { frequency: null, ms: 40 },
  ];
  return renderPattern(Array.from({ length: Math.ceil(totalMs / 320) }, () => unit).flat());
}

/** Whether <Say> will be speech (espeak-ng on the PATH) or the warble stand-in. */
export function espeakInstalled(): boolean {
  return spawnSync('espeak-ng', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** espeak-ng's WAV on stdout, or null when it is not installed or fails. */
function espeak(text: string): Promise<Int16Array | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let child;
    try {
      child = spawn('espeak-ng', ['--stdout', '-s', '165', '-v', 'en-us'], { stdio: ['pipe', 'pipe', 'ignore'] });
    } catch {
      resolve(null);
      return;
    }
    child.on('error', () => resolve(null));
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) => {
      if (code !== 0) return resolve(null);
      try {
        const clip = decodeWav(Buffer.concat(chunks));
        resolve(clip.length > SAMPLE_RATE / 20 ? clip : null);
      } catch {
        resolve(null);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}
