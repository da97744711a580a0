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
