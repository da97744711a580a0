import { spawnSync } from 'node:child_process';
import { networkInterfaces } from 'node:os';

// The browser tests carry real WebRTC (the Voice SDK in Chromium, werift in the emulator). This machine's rules
// allow test traffic only on loopback, and Chromium otherwise gathers ICE candidates on the outside interface,
// so every browser test runs in a network namespace of its own with nothing but `lo` (shared/twilio/VOICE-SDK.md).
const MARK = 'SWITCHBOARD_LOOPBACK_NAMESPACE';

export function onlyLoopback(): boolean {
  return Object.keys(networkInterfaces()).every((name) => name === 'lo');
}

/**
 * Re-runs this very command inside `unshare -n` (a fresh network namespace with only loopback up) and exits with
 * its status, unless it already runs in one. Needs root (CI runs as root); anyone else runs the suite under
 * their own `unshare -rn` or a container without a network.
 */
export function reexecInLoopbackNamespace(): void {
  if (process.env[MARK] === '1' || onlyLoopback()) return;
  // Only Playwright's runner moves: other tools that load playwright.config.ts (knip, editors) stay where they are.
  if (!(process.argv[1] ?? '').includes('playwright')) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'The browser tests carry WebRTC and must run in a loopback-only network namespace: run them as root (they call `unshare -n`), or inside `unshare -rn`.',
    );
  }
  const command = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  const result = spawnSync('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$@"', 'sh', ...command], {
    stdio: 'inherit',
    env: { ...process.env, [MARK]: '1' },
  });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}
