import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { openDatabase, type DbHandle } from '@/lib/db/connect';

export type TestDatabase = DbHandle & { name: string };

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the test Postgres
 * server (dropped again by close()), chosen by TEST_DB_KIND.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB_KIND !== 'postgres') {
    const handle = await openDatabase({ pgliteDir: 'memory://' });
    return { ...handle, name: 'pglite:memory' };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set for the postgres test project.');
  const name = `sb_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    ...handle,
    name,
    close: async () => {
      await handle.close();
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Empties every table, keeping the schema, so tests in one file start from the same state. */
export async function truncateAll(handle: DbHandle): Promise<void> {
  const truncate = sql.raw(
    'truncate table call_events, messages, call_sessions, callers, episodes, shows, api_tokens, login_attempts, revoked_sessions, app_state, users restart identity cascade',
  );
  // A previous test's app may still be committing a callback (its commit-time triggers lock the show's row), and
  // Postgres may break the tie by aborting the truncate as a deadlock: that side is meant to try again.
  for (let attempt = 1; ; attempt++) {
    try {
      await handle.db.execute(truncate);
      return;
    } catch (error) {
      if (attempt >= 5 || !isDeadlock(error)) throw error;
    }
  }
}

function isDeadlock(error: unknown): boolean {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === '40P01') return true;
  }
  return false;
}
