import type { DbKind } from './options';

/** The producer every bench run signs in as (created at first start from ADMIN_EMAIL/ADMIN_PASSWORD). */
export const BENCH_ADMIN = { email: 'bench-producer@switchboard.test', password: 'bench-producer-password' };

interface AppEnvInput {
  kind: DbKind;
  appPort: number;
  emulatorPort: number;
  stamp: string;
  dbEnv: Record<string, string>;
  extra?: Record<string, string>;
}

/** The environment of the app and emulator processes of one bench run: rehearsal mode on that run's database. */
export function benchAppEnv({ kind, appPort, emulatorPort, stamp, dbEnv, extra = {} }: AppEnvInput): NodeJS.ProcessEnv {
  const appUrl = `http://127.0.0.1:${appPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    PORT: String(appPort),
    EMULATOR_PORT: String(emulatorPort),
    EMULATOR_URL: `http://127.0.0.1:${emulatorPort}`,
    PUBLIC_BASE_URL: appUrl,
    AUTH_SECRET: `bench-only-secret-${stamp}-0123456789abcdef`,
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    ...extra,
    ...dbEnv,
  };
  for (const name of [
    'TWILIO_ACCOUNT_SID',
    'TWILIO_API_BASE_URL',
    'EMULATOR_WEBHOOK_TARGETS',
    ...(kind === 'pglite' ? ['DATABASE_URL'] : ['PGLITE_DIR']),
  ])
    delete env[name];
  return env;
}
