/** Debian's Chromium (Playwright cannot download its own browser here); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // The consoles run the real Voice SDK (WebRTC) against the emulator: fake microphone and speakers, no
  // permission prompt, sound without a click, ICE on loopback (the tests run in a loopback-only namespace,
  // tests/support/loopback-namespace.ts) and the emulator's self-signed signalling certificate.
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  '--allow-loopback-in-peer-connection',
  '--ignore-certificate-errors',
];

/** A browser whose fake microphone speaks this WAV file (looped): one browser per speaking party. */
export function chromiumArgsSpeaking(wavPath: string): string[] {
  return [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${wavPath}`];
}
