import type postgres from 'postgres';
import type { DbHandle } from '@/lib/db/connect';

export interface LockHold {
  key: number;
  /** When pg_try_advisory_lock had answered true: the lock was held by then. */
  heldFrom: number;
  /** When pg_advisory_unlock was sent: the lock was still held until then. */
  heldUntil: number;
}

type Reserved = Awaited<ReturnType<postgres.Sql['reserve']>>;

/**
 * Watches the session-level advisory locks this process takes on reserved connections (withAdvisoryLock), so a
 * test can compare, across processes, moments at which each one certainly held a lock.
 */
export function watchAdvisoryLocks(handle: DbHandle, onRelease: (hold: LockHold) => void): void {
  const client = (handle.db as unknown as { $client: postgres.Sql }).$client;
  const reserve = client.reserve.bind(client);
  client.reserve = async () => {
    const reserved = await reserve();
    const held = new Map<number, number>();
    const watched = ((strings: TemplateStringsArray, ...values: unknown[]) => {
      const text = strings.join('$');
      const key = Number(values[0]);
      if (text.includes('pg_advisory_unlock(')) {
        const from = held.get(key);
        if (from !== undefined) onRelease({ key, heldFrom: from, heldUntil: Date.now() });
        held.delete(key);
      }
      const query = reserved(strings, ...(values as never[]));
      if (text.includes('pg_try_advisory_lock(')) {
        return query.then((rows) => {
          if ((rows[0] as { ok?: unknown } | undefined)?.ok === true) held.set(key, Date.now());
          return rows;
        });
      }
      return query;
    }) as unknown as Reserved;
    return Object.assign(watched, { release: () => reserved.release() });
  };
}
