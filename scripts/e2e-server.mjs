// Starts what the browser tests run against: a production build of the app on a fresh embedded database.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ensureProductionBuild } from './production-build.mjs';

const port = process.env.E2E_PORT ?? '3210';
const emulatorPort = process.env.E2E_EMULATOR_PORT ?? '3231';
const dataDir = path.resolve('.data/e2e');
rmSync(dataDir, { recursive: true, force: true });

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: port,
  PGLITE_DIR: path.join(dataDir, 'pglite'),
  AUTH_SECRET: 'e2e-only-secret-not-for-production-0123456789',
  ADMIN_EMAIL: 'producer@switchboard.test',
  ADMIN_PASSWORD: 'e2e-producer-password',
  BCRYPT_COST: '4',
  EMULATOR_PORT: emulatorPort,
  EMULATOR_URL: `http://127.0.0.1:${emulatorPort}`,
  PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
  // Real-time TwiML pacing would make every greeting take seconds; a tenth keeps the order of events.
  EMULATOR_TIME_SCALE: process.env.EMULATOR_TIME_SCALE ?? '0.1',
  RECONCILE_INTERVAL_MS: '1000',
  // The browser tests stand in for one reverse proxy: each login attempt names its own client address.
  TRUSTED_PROXY_COUNT: '1',
};
delete env.DATABASE_URL;
delete env.TWILIO_ACCOUNT_SID;

// The same build `npm run dev` serves, rebuilt only when the sources changed (scripts/production-build.mjs).
if (process.env.E2E_SKIP_BUILD !== '1') ensureProductionBuild(env);

const emulator = spawn('npx', ['tsx', 'emulator/server.ts'], { stdio: 'inherit', env });
const server = spawn('npx', ['next', 'start', '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit', env });
const stop = () => {
  server.kill('SIGTERM');
  emulator.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of [server, emulator]) {
  child.on('exit', (code) => {
    stop();
    process.exit(code ?? 0);
  });
}
