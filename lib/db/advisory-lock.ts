import 'server-only';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { getDbHandle } from './client';

function firstRow(result: unknown): Record<string, unknown> | undefined {
  const rows = Array.isArray(result) ? result : (result as { rows?: unknown[] }).rows;
  return rows?.[0] as Record<string, unknown> | undefined;
}

/**
 * Runs `work` only if this process wins the session-level advisory lock `key` (pg_try_advisory_lock), so that
 * one app instance among several does it; answers undefined when another holds it. On Postgres the lock lives
 * on a reserved connection for the duration; PGlite has a single session.
 */
export async function withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T | undefined> {
  const handle = await getDbHandle();
  if (handle.kind === 'pglite') {
    const got = firstRow(await handle.db.execute(sql`select pg_try_advisory_lock(${key}) as ok`));
    if (got?.ok !== true) return undefined;
    try {
      return await work();
    } finally {
      await handle.db.execute(sql`select pg_advisory_unlock(${key})`);
    }
  }
  const client = (handle.db as unknown as { $client: postgres.Sql }).$client;
  const reserved = await client.reserve();
  try {
    const [row] = await reserved`select pg_try_advisory_lock(${key}) as ok`;
    if (row?.ok !== true) return undefined;
    try {
      return await work();
    } finally {
      await reserved`select pg_advisory_unlock(${key})`;
    }
  } finally {
    reserved.release();
  }
}
