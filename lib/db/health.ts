import 'server-only';
import { logProblem } from '@/lib/log';
import { sql } from 'drizzle-orm';
import { getDbHandle } from './client';

export async function checkDatabase(): Promise<{ ok: boolean; kind?: string; latencyMs?: number; error?: string }> {
  const started = performance.now();
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return { ok: true, kind: handle.kind, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    logProblem('error', 'health', 'database check failed', error);
    return { ok: false, error: 'The database is not reachable.' };
  }
}
