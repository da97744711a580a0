import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { getTableColumns, sql, type InferSelectModel } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTable } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /**
   * LISTEN on a channel. onListening runs each time the listen is (re)established: on Postgres after a dropped
   * connection comes back, when notifications sent meanwhile were lost.
   */
  listen(channel: string, onNotify: () => void, onListening: () => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * Statements sent since start, when counting was asked for (npm run bench); BEGIN and COMMIT are not counted.
 * On globalThis, like the database itself, because Next gives each route bundle its own copy of this module.
 */
const statementCount = ((
  globalThis as { switchboardStatements?: { enabled: boolean; n: number } }
).switchboardStatements ??= { enabled: false, n: 0 });
const countingLogger = { logQuery: () => void (statementCount.n += 1) };

export function statementsSent(): number | null {
  return statementCount.enabled ? statementCount.n : null;
}

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'drizzle');
// Serialises migrations when several instances start against one Postgres at once.
const MIGRATION_LOCK_ID = 7_203_114;

/** Opens the database named by the options, runs every pending migration, and returns it ready to use. */
export async function openDatabase(options: {
  databaseUrl?: string;
  pgliteDir?: string;
  poolSize?: number;
  countStatements?: boolean;
}): Promise<DbHandle> {
  if (options.countStatements) statementCount.enabled = true;
  const logger = options.countStatements ? countingLogger : undefined;
  if (options.databaseUrl) {
    await migratePostgresDatabase(options.databaseUrl);
    const client = postgres(options.databaseUrl, { max: options.poolSize ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema, logger }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      // postgres.js listens on a connection of its own, outside the pool, and listens again when it reconnects.
      listen: async (channel, onNotify, onListening) => void (await client.listen(channel, onNotify, onListening)),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const dir = options.pgliteDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzlePglite(client, { schema, logger });
  await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    listen: async (channel, onNotify, onListening) => {
      await client.listen(channel, onNotify);
      onListening();
    },
    close: () => client.close(),
  };
}

async function migratePostgresDatabase(url: string): Promise<void> {
  // One connection, so the advisory lock and the migration share a session.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres(client, { schema });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    try {
      await migratePostgres(db, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

interface DriverClient {
  unsafe?: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<Record<string, unknown>[]>;
  query?: (text: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Runs one parameterised statement straight on the driver, skipping drizzle's query building: for the hot paths
 * (the door, the console poll), where building the query was a measurable share of the work. On Postgres the
 * statement is prepared once per connection and reused. Pass timestamps as ISO strings; read rows with mapRow.
 */
export async function queryRows(q: Queryable, text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  // drizzle keeps the driver's client (postgres.js or PGlite, or their transaction) on its session.
  const client = (q as unknown as { session: { client: DriverClient } }).session.client;
  if (statementCount.enabled) statementCount.n += 1;
  if (client.unsafe) return client.unsafe(text, params, { prepare: true });
  if (client.query) return (await client.query(text, params)).rows;
  throw new Error('queryRows: unknown database driver');
}

/**
 * A row of `table` read by queryRows (column names, driver values, or a to_jsonb object of the row) as drizzle
 * would have returned it.
 */
export function mapRow<T extends PgTable>(table: T, row: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = row[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as InferSelectModel<T>;
}
