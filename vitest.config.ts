import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { postgresTestTarget } from './tests/support/postgres-target';

const root = fileURLToPath(new URL('.', import.meta.url));
const alias = {
  '@': root,
  // Next.js resolves 'server-only' to a no-op on the server; outside Next the real module throws on import.
  'server-only': `${root}tests/support/server-only-stub.ts`,
  // next-auth imports 'next/server' without an extension, which Next's bundler resolves and Node's ESM loader does not.
  'next/server': 'next/server.js',
};
const exclude = ['node_modules/**', '.next/**', 'tests/e2e/**', '.data/**'];

// Tests that touch the database are named *.db.test.ts and run twice: on embedded PGlite and on a real Postgres.
export default defineConfig(async () => {
  const postgres = await postgresTestTarget();
  return {
    resolve: { alias },
    test: {
      exclude,
      // Password hashing at production cost would dominate the run time; the algorithm is the same.
      // No test may reach an emulator someone runs on this machine (npm run dev's, on 3030): by default Twilio is a
      // port nobody listens on, and the harnesses that start an emulator point EMULATOR_URL at theirs.
      env: { BCRYPT_COST: '4', EMULATOR_URL: 'http://127.0.0.1:9' },
      testTimeout: 20_000,
      // Run through Vite so the alias above reaches next-auth's own imports (the console poll's guard uses it).
      server: { deps: { inline: ['next-auth'] } },
      hookTimeout: 60_000,
      projects: [
        {
          extends: true as const,
          resolve: { alias },
          test: { name: 'unit', include: ['**/*.test.ts'], exclude: [...exclude, '**/*.db.test.ts'] },
        },
        {
          extends: true as const,
          resolve: { alias },
          test: {
            name: 'pglite',
            include: ['**/*.db.test.ts'],
            exclude,
            env: { TEST_DB_KIND: 'pglite' },
            setupFiles: ['tests/support/db-setup.ts'],
          },
        },
        ...(postgres.url
          ? [
              {
                extends: true as const,
                resolve: { alias },
                test: {
                  name: 'postgres',
                  include: ['**/*.db.test.ts'],
                  exclude,
                  env: { TEST_DB_KIND: 'postgres', TEST_DATABASE_URL: postgres.url },
                  setupFiles: ['tests/support/db-setup.ts'],
                },
              },
            ]
          : []),
      ],
    },
  };
});
