import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DbHandle } from '@/lib/db/connect';

export interface ReopenableDatabase {
  /** The Postgres URL, for other processes; null for PGlite, which one process opens at a time. */
  url: string | null;
  /** Opens (and migrates) the database anew, as a freshly started app process would. */
  open(): Promise<DbHandle>;
  destroy(): Promise<void>;
}

/**
 * A database that outlives the handles opened on it: PGlite in a temporary directory, or a new database on the
 * test Postgres server, chosen by TEST_DB_KIND. For scenarios where the app process dies and comes back.
 */
export async function createReopenableDatabase(): Promise<ReopenableDatabase> {
  if (process.env.TEST_DB_KIND !== 'postgres') {
    const dir = await mkdtemp(path.join(tmpdir(), 'switchboard-pglite-'));
    return {
      url: null,
      open: () => openDatabase({ pgliteDir: dir }),
      destroy: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set for the postgres test project.');
  const name = `sb_reopen_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 5 }),
    destroy: async () => {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
