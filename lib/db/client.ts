import 'server-only';
import path from 'node:path';
import { settings } from '@/lib/env';
import { openDatabase, type Db, type DbHandle } from './connect';

export type { Db, Queryable, Tx } from './connect';
export { mapRow, queryRows, statementsSent } from './connect';

const globalForDb = globalThis as unknown as { switchboardDb?: Promise<DbHandle> };

/** Where embedded PGlite keeps the app's data when no DATABASE_URL is set. */
export function pgliteDirectory(): string {
  return settings().PGLITE_DIR ?? path.join(process.cwd(), '.data', 'pglite');
}

/**
 * The one database of this process, migrated on first use. Cached on globalThis so that dev-mode module
 * reloads and route bundles share one connection pool (and PGlite, which allows one opener per directory).
 */
export function getDbHandle(): Promise<DbHandle> {
  globalForDb.switchboardDb ??= openDatabase({
    databaseUrl: settings().DATABASE_URL,
    pgliteDir: pgliteDirectory(),
    countStatements: settings().BENCH_COUNT_STATEMENTS === '1',
  }).catch((error: unknown) => {
    globalForDb.switchboardDb = undefined;
    throw error;
  });
  return globalForDb.switchboardDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests point the process at a database they opened themselves. */
export function useDatabaseForTests(handle: DbHandle): void {
  globalForDb.switchboardDb = Promise.resolve(handle);
}
