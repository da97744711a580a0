import path from 'node:path';
import { VOICE_URL_OVERRIDES } from '@/lib/telephony/connection-overrides';
import { benchAppEnv } from './app-env';
import { appJson, type AppUser } from './app-client';
import type { BenchDatabase } from './database';
import { EmulatorClient, pollUntil } from './emulator-client';
import type { DbKind } from './options';
import { freePort, profileArgs, startProcess, waitForHttp, type Started } from './processes';

export const SHOW_NUMBER = '+15005550006';
export const HOST = { email: 'host@switchboard.test', password: 'rehearsal-host' };
export const SCREENER = { email: 'screener@switchboard.test', password: 'rehearsal-screener' };
const NEXT_BIN = path.resolve('node_modules/next/dist/bin/next');
const TSX_CLI = path.resolve('node_modules/tsx/dist/cli.mjs');

export interface Stack {
  appUrl: string;
  emulatorUrl: string;
  emulator: EmulatorClient;
  app: Started;
  emulatorProcess: Started;
  /** The show number, pointed at the app's voice webhook by rehearsal mode's provisioning. */
  number: { sid: string };
  voiceUrls: { voiceUrl: string; statusCallback: string };
}

/**
 * The app (production build) and the emulator on free ports and this run's database, in rehearsal mode; resolves
 * once the show number points at the app. Every process started is pushed onto `children` for the caller to stop.
 */
export async function startStack(
  kind: DbKind,
  db: BenchDatabase,
  workDir: string,
  stamp: string,
  extra: Record<string, string>,
  children: Started[],
): Promise<Stack> {
  const [appPort, emulatorPort] = [await freePort(), await freePort()];
  const appUrl = `http://127.0.0.1:${appPort}`;
  const emulatorUrl = `http://127.0.0.1:${emulatorPort}`;
  const env = benchAppEnv({ kind, appPort, emulatorPort, stamp, dbEnv: db.env, extra });
  const emulatorProcess = startProcess(
    'emulator',
    process.execPath,
    [TSX_CLI, 'emulator/server.ts'],
    env,
    path.join(workDir, 'emulator.log'),
  );
  children.push(emulatorProcess);
  const app = startProcess(
    'app',
    process.execPath,
    [...profileArgs(kind), NEXT_BIN, 'start', '-p', String(appPort), '-H', '127.0.0.1'],
    env,
    path.join(workDir, 'app.log'),
  );
  children.push(app);
  await waitForHttp(`${emulatorUrl}/_emulator/health`, 60_000, emulatorProcess);
  await waitForHttp(`${appUrl}/api/health`, 120_000, app);
  const emulator = new EmulatorClient(emulatorUrl);
  // Exactly what provisioning sets (lib/telephony/provision.ts), so that pointing the number back restores it.
  const voiceUrls = {
    voiceUrl: `${appUrl}/api/twilio/voice${VOICE_URL_OVERRIDES}`,
    statusCallback: `${appUrl}/api/twilio/status`,
  };
  // Rehearsal mode points the emulator's number at the app on the reconciler's first tick.
  const number = await pollUntil(
    async () =>
      (await emulator.state()).numbers.find((n) => n.phoneNumber === SHOW_NUMBER && n.voiceUrl === voiceUrls.voiceUrl),
    'the show number provisioned',
    60_000,
    250,
  );
  return { appUrl, emulatorUrl, emulator, app, emulatorProcess, number, voiceUrls };
}

/** A staff member's Voice token from the app, as their console fetches it. */
export function voiceToken(appUrl: string, user: AppUser): Promise<{ token: string; identity: string }> {
  return appJson<{ token: string; identity: string }>(appUrl, user, 'POST', '/api/voice-token');
}

/** A staff browser without media (the emulator's headless client connect): enough to be in a room. */
export async function connectHeadless(
  appUrl: string,
  emulator: EmulatorClient,
  user: AppUser,
  params: Record<string, string>,
): Promise<{ identity: string; sid: string }> {
  const { token, identity } = await voiceToken(appUrl, user);
  const { sid } = await emulator.control<{ sid: string }>('POST', `/_emulator/clients/${identity}/connect`, {
    token,
    params,
  });
  return { identity, sid };
}
