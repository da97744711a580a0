import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, expect, type Browser, type Page } from '@playwright/test';
import { encodeWav, renderTones } from '@/lib/audio/wav';
import { chromiumArgsSpeaking, chromiumPath } from '../../support/chromium';
import { E2E_BASE_URL, E2E_EMULATOR_URL, storageStatePath, type E2eRole } from '../e2e-env';
import { probeReceivedAudio, readReceivedAudio, watchFrequencies, type ReceivedAudio } from './received-audio';

/**
 * Distinct tones for the parties of an audio test: clear of DTMF, ring and dial tones and of the emulator's
 * stand-in music (520/660/780 Hz) and say warble (300/400 Hz), none a harmonic of another, all inside PCMU's
 * band. Goertzel over an 85 ms block tells them apart (bins ~12 Hz wide).
 */
export const TONES = { screener: 1150, host: 1730, ada: 2150, cyd: 2450, bob: 2750, eve: 3050 } as const;
export const ALL_TONES = Object.values(TONES);

/** A WAV of that tone for Chromium's fake microphone (it loops the file). */
export function toneFile(frequency: number): string {
  const dir = path.resolve('test-results/audio-tones');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `tone-${frequency}.wav`);
  const rate = 48_000;
  // Loud, and broken every half second: Chromium's noise suppression and gain control, which the SDK leaves on
  // as a real headset would have them, squash a steady quiet tone as if it were hum.
  const beep = [
    { frequencies: [frequency], ms: 450, amplitude: 0.9 },
    { frequencies: [], ms: 50 },
  ];
  writeFileSync(file, encodeWav(renderTones(Array.from({ length: 20 }, () => beep).flat(), rate), rate));
  return file;
}

/** One Chromium per speaking staff member, its microphone a tone; the page probes what it receives. */
export async function staffSpeaking(role: E2eRole, frequency: number): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: chromiumArgsSpeaking(toneFile(frequency)),
  });
  const context = await browser.newContext({
    baseURL: E2E_BASE_URL,
    storageState: storageStatePath(role),
    viewport: { width: 1440, height: 1000 },
  });
  const page = await context.newPage();
  await probeReceivedAudio(page);
  return { browser, page };
}

export async function startWatching(page: Page): Promise<void> {
  await watchFrequencies(page, ALL_TONES);
}

/** A reading window long enough to be sure on a loaded machine, short enough to follow the show's moves. */
export const WINDOW_MS = 1500;

export interface Hears {
  /** Tones that must be present in most of the window. */
  hears?: number[];
  /** Tones that must be absent from nearly all of it. */
  notHears?: number[];
}

function judge(
  tones: Record<string, { presentShare: number; level: number }>,
  { hears = [], notHears = [] }: Hears,
): string[] {
  const wrong: string[] = [];
  const show = (f: number) =>
    `${f} Hz (in ${Math.round((tones[String(f)]?.presentShare ?? 0) * 100)}% of the window, level ${tones[String(f)]?.level.toFixed(4)})`;
  for (const f of hears) if ((tones[String(f)]?.presentShare ?? 0) < 0.6) wrong.push(`missing ${show(f)}`);
  for (const f of notHears) if ((tones[String(f)]?.presentShare ?? 0) > 0.1) wrong.push(`heard ${show(f)}`);
  return wrong;
}

/** What the page received over the last reading window. */
export function readPageAudio(page: Page): Promise<ReceivedAudio> {
  return readReceivedAudio(page, WINDOW_MS);
}

/** Waits until the page's received audio over the last window matches (the show moves asynchronously). */
export async function expectPageHears(
  page: Page,
  who: string,
  expected: Hears,
  timeout = 20_000,
): Promise<ReceivedAudio> {
  let last: ReceivedAudio | undefined;
  await expect
    .poll(
      async () => {
        last = await readPageAudio(page);
        return last.blocks >= 12
          ? judge(last.tones, expected)
          : [`not enough audio analysed yet (${last.blocks} blocks)`];
      },
      { message: `${who} receives ${JSON.stringify(expected)}`, timeout, intervals: [250] },
    )
    .toEqual([]);
  return last as ReceivedAudio;
}

interface AudioReading {
  rms: number;
  longestSilenceMs: number;
  frames: number;
  tones: { frequency: number; level: number; present: boolean }[];
}

/** What a leg received from the emulator, and what it sent (its voice as the emulator heard it). */
export interface EmulatorAudio {
  received: AudioReading;
  sent?: AudioReading;
}

/** The emulator's control routes for what a phone (or any leg) speaks and receives (emulator/README.md). */
export const phoneAudio = {
  async speak(sid: string, frequency: number): Promise<void> {
    const response = await fetch(`${E2E_EMULATOR_URL}/_emulator/calls/${sid}/speak`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'tone', frequency, amplitude: 0.25 }),
    });
    expect(response.ok, await response.clone().text()).toBe(true);
  },
  async read(sid: string, windowMs: number, frequencies: number[] = ALL_TONES): Promise<EmulatorAudio> {
    // The emulator keeps 20 ms to 10 s of history per leg.
    const window = Math.min(10_000, Math.max(20, Math.round(windowMs)));
    const response = await fetch(
      `${E2E_EMULATOR_URL}/_emulator/calls/${sid}/audio?windowMs=${window}&frequencies=${frequencies.join(',')}`,
    );
    expect(response.ok, await response.clone().text()).toBe(true);
    return (await response.json()) as EmulatorAudio;
  },
};

const PHONE_PRESENT_LEVEL = 0.01;
const PHONE_ABSENT_LEVEL = 0.005;

/** Waits until what the phone received over the last window matches. */
export async function expectPhoneHears(
  sid: string,
  who: string,
  expected: Hears,
  timeout = 20_000,
): Promise<EmulatorAudio> {
  let last: EmulatorAudio | undefined;
  await expect
    .poll(
      async () => {
        last = await phoneAudio.read(sid, WINDOW_MS);
        // The emulator's levels are exact (its own mix): a browser's tone arrives at 0.02–0.13 after Chromium's
        // audio processing, a phone's at 0.25, and an absent one reads below 0.001.
        const present = Object.fromEntries(
          last.received.tones.map((t) => [
            String(t.frequency),
            {
              presentShare: t.level >= PHONE_PRESENT_LEVEL ? 1 : t.level > PHONE_ABSENT_LEVEL ? 0.5 : 0,
              level: t.level,
            },
          ]),
        );
        return last.received.frames >= 50
          ? judge(present, expected)
          : [`not enough audio yet (${last.received.frames} frames)`];
      },
      { message: `${who} receives ${JSON.stringify(expected)}`, timeout, intervals: [250] },
    )
    .toEqual([]);
  return last as EmulatorAudio;
}
