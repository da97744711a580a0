/** The e2e app instance: its own port and database, and accounts the tests know. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export const E2E_ACCOUNTS = {
  producer: { email: 'producer@switchboard.test', password: 'e2e-producer-password' },
  host: { email: 'host@switchboard.test', password: 'rehearsal-host' },
  screener: { email: 'screener@switchboard.test', password: 'rehearsal-screener' },
} as const;

export type E2eRole = keyof typeof E2E_ACCOUNTS;
export const E2E_ROLES = Object.keys(E2E_ACCOUNTS) as E2eRole[];

export function storageStatePath(role: E2eRole): string {
  return `test-results/.auth/${role}.json`;
}

/** The Twilio emulator the e2e app talks to (rehearsal mode), started beside it by scripts/e2e-server.mjs. */
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 3231);
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
/** The demo show's number (lib/bootstrap/demo.ts), which the emulator owns and rings. */
export const E2E_SHOW_NUMBER = '+15005550006';
